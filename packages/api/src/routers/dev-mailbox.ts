import { TRPCError } from "@trpc/server";
import { isLoopbackAddress } from "../server/loopback";
import { authedProcedure, router } from "../trpc";

export const devMailboxRouter = router({
  /**
   * What the local mailer and SMS outbox kept, newest first. It shows every organization's
   * invitation links, so only while dev tools are on (never in production), only to a browser on
   * this machine, and only for a signed-in operator or manager.
   */
  list: authedProcedure.query(({ ctx }) => {
    if (!ctx.devTools || !isLoopbackAddress(ctx.ip))
      throw new TRPCError({ code: "NOT_FOUND", message: "The dev mailbox is off." });
    if (ctx.user.kind !== "operator" && ctx.user.kind !== "manager")
      throw new TRPCError({
        code: "FORBIDDEN",
        message: "Only managers and operators can read it.",
      });
    return ctx.db
      .selectFrom("dev_mailbox")
      .select([
        "id",
        "channel",
        "recipient",
        "subject",
        "body",
        "headers",
        "created_at as createdAt",
      ])
      .orderBy("id", "desc")
      .limit(50)
      .execute();
  }),
});
