import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Context } from "../context";
import { isLoopbackAddress } from "../server/loopback";
import { receiveSms } from "../sms/inbound";
import { authedProcedure, router } from "../trpc";

/** Same rule as the dev mailbox: dev tools on, a browser on this machine, a manager or operator. */
function requireDevTools(ctx: Context & { user: { kind: string } }): void {
  if (!ctx.devTools || !isLoopbackAddress(ctx.ip))
    throw new TRPCError({ code: "NOT_FOUND", message: "The dev SMS outbox is off." });
  if (ctx.user.kind !== "operator" && ctx.user.kind !== "manager")
    throw new TRPCError({ code: "FORBIDDEN", message: "Only managers and operators can read it." });
}

/** The dev SMS outbox (/dev/sms): what the product texted locally, and replies simulated by hand. */
export const devSmsRouter = router({
  list: authedProcedure.query(async ({ ctx }) => {
    requireDevTools(ctx);
    const [texts, ledger] = await Promise.all([
      ctx.db
        .selectFrom("dev_mailbox")
        .select(["id", "recipient", "body", "created_at as createdAt"])
        .where("channel", "=", "sms")
        .orderBy("id", "desc")
        .limit(50)
        .execute(),
      ctx.db
        .selectFrom("sms_consent_ledger")
        .select(["id", "phone", "action", "category", "source", "detail", "created_at as at"])
        .orderBy("id", "desc")
        .limit(20)
        .execute(),
    ]);
    return { texts, ledger };
  }),

  /** A text from `from`, as Twilio's webhook would deliver it (STOP, START, HELP …). */
  reply: authedProcedure
    .input(
      z.strictObject({
        from: z
          .string()
          .trim()
          .regex(/^\+[1-9][0-9]{6,14}$/, "Use a number such as +15551234567"),
        body: z.string().trim().min(1, "Write the reply").max(1600),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      requireDevTools(ctx);
      return receiveSms(
        ctx.db,
        { from: input.from, body: input.body, messageId: `dev-${randomUUID()}` },
        ctx.urls.manager,
      );
    }),
});
