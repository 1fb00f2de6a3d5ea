import { type Database, type Kysely, sql } from "@hearth/db";
import type { Logger } from "../logger";
import type { Mailer } from "../mail/mailer";

export interface DeliverEmailDeps {
  db: Kysely<Database>;
  mailer: Mailer;
  logger: Logger;
}

/**
 * The `deliver_email` job: sends one outbox row through the mailer, keyed by its dedupe key so a
 * retry after a crash between sending and marking it sent is the same message (see Mailer). A
 * failure is recorded on the row and rethrown, so graphile-worker retries it with its backoff.
 */
export async function deliverEmail(deps: DeliverEmailDeps, outboundEmailId: number): Promise<void> {
  const email = await deps.db
    .selectFrom("outbound_emails")
    .selectAll()
    .where("id", "=", outboundEmailId)
    .executeTakeFirst();
  // Gone with its organization, or sent by an earlier try that ended before the job completed.
  if (!email || email.sent_at !== null) return;
  try {
    await deps.mailer.send(
      {
        to: email.recipient,
        subject: email.subject,
        text: email.body,
        organizationId: email.organization_id,
        fromName: email.from_name,
        replyTo: email.reply_to,
        headers: email.headers,
      },
      email.dedupe_key,
    );
  } catch (error) {
    await deps.db
      .updateTable("outbound_emails")
      .set({ attempts: sql`attempts + 1`, last_error: String(error) })
      .where("id", "=", email.id)
      .execute();
    deps.logger.warn({ err: error, outboundEmailId }, "email delivery failed; will retry");
    throw error;
  }
  await deps.db
    .updateTable("outbound_emails")
    .set({ attempts: sql`attempts + 1`, last_error: null, sent_at: sql`now()` })
    .where("id", "=", email.id)
    .where("sent_at", "is", null)
    .execute();
}
