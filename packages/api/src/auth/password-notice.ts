import type { Database, Transaction } from "@hearth/db";
import { queueEmail } from "../outbox";

/** Tells an account's owner their password changed, so a change they did not make shows. */
export async function queuePasswordChangedNotice(
  trx: Transaction<Database>,
  user: { id: string; email: string; display_name: string; organization_id: string | null },
  /** What makes this change one email however often its job runs (e.g. "reset:<token id>"). */
  changeKey: string,
): Promise<void> {
  await queueEmail(trx, {
    dedupeKey: `password-changed:${user.id}:${changeKey}`,
    to: user.email,
    organizationId: user.organization_id,
    subject: "Your Hearth password was changed",
    text: [
      `Hello ${user.display_name},`,
      "",
      "The password of your Hearth account was just changed, and your other sessions were signed out.",
      "",
      "If this was not you, use “Forgot password?” on the sign-in page now to choose a new one,",
      "and tell your property manager.",
    ].join("\n"),
  });
}
