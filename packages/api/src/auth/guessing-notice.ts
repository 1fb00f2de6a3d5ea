import type { Context } from "../context";
import { queueEmail } from "../outbox";

/**
 * Tells an account's owner that someone is guessing its password, at most once an hour. The
 * address is named so they can tell whether it was them.
 */
export async function queueGuessingNotice(
  ctx: Context,
  user: { id: string; email: string; organization_id: string | null },
  now: Date,
): Promise<void> {
  const hour = Math.floor(now.getTime() / 3_600_000);
  await ctx.db.transaction().execute((trx) =>
    queueEmail(trx, {
      to: user.email,
      subject: "Someone is trying to sign in to your Hearth account",
      text: [
        "Several sign-in attempts with a wrong password were made on your Hearth account",
        `from the address ${ctx.ip ?? "(unknown)"}. That address now has to wait before it may try again;`,
        "you can still sign in as usual from your own devices.",
        "",
        "If this was not you, no action is needed, but consider choosing a stronger password.",
      ].join("\n"),
      organizationId: user.organization_id,
      dedupeKey: `sign-in-guessing:${user.id}:${hour}`,
    }),
  );
  ctx.log.warn({ userId: user.id, ip: ctx.ip }, "sign-in guessing: owner notified");
}
