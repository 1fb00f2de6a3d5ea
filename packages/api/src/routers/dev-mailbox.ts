import { TRPCError } from "@trpc/server";
import { publicProcedure, router } from "../trpc";

export const devMailboxRouter = router({
  /**
   * What the local mailer and SMS outbox kept, newest first. Only while dev tools are on (never
   * in production), since it shows invitation links to whoever asks.
   */
  list: publicProcedure.query(({ ctx }) => {
    if (!ctx.devTools)
      throw new TRPCError({ code: "NOT_FOUND", message: "The dev mailbox is off." });
    return ctx.db
      .selectFrom("dev_mailbox")
      .select(["id", "channel", "recipient", "subject", "body", "created_at as createdAt"])
      .orderBy("id", "desc")
      .limit(50)
      .execute();
  }),
});
