import type { Database, Transaction } from "@hearth/db";
import type { OutgoingEmail } from "../mail/mailer";
import { enqueueJobs } from "./jobs";

/** Delivery tries over about a day (graphile-worker waits e^attempt seconds between tries). */
export const EMAIL_MAX_ATTEMPTS = 12;

/** Postgres takes at most 65,535 parameters per statement; a row here has ten. */
const ROWS_PER_INSERT = 1000;

/** An email to send, and what makes two of them the same one (e.g. "invitation:<id>"). */
export type QueuedEmail = OutgoingEmail & { dedupeKey: string };

/**
 * Writes emails to the outbox in the caller's transaction, each with its `deliver_email` job. An
 * email whose dedupe key is already queued is skipped (it has its job). Returns how many were new.
 */
export async function queueEmails(
  trx: Transaction<Database>,
  emails: readonly QueuedEmail[],
): Promise<number> {
  const rows: { id: number }[] = [];
  for (let i = 0; i < emails.length; i += ROWS_PER_INSERT) {
    const part = emails.slice(i, i + ROWS_PER_INSERT);
    rows.push(...(await insertNew(trx, part)));
  }
  await enqueueJobs(
    trx,
    rows.map((row) => ({
      name: "deliver_email" as const,
      payload: { outboundEmailId: row.id },
      options: { jobKey: `deliver_email:${row.id}`, maxAttempts: EMAIL_MAX_ATTEMPTS },
    })),
  );
  return rows.length;
}

/** Inserts the emails whose dedupe key is new; returns their ids. */
function insertNew(trx: Transaction<Database>, emails: readonly QueuedEmail[]) {
  return trx
    .insertInto("outbound_emails")
    .values(
      emails.map((email) => ({
        organization_id: email.organizationId,
        dedupe_key: email.dedupeKey,
        recipient: email.to,
        subject: email.subject,
        body: email.text,
        from_name: email.fromName ?? null,
        reply_to: email.replyTo ?? null,
        headers: JSON.stringify(email.headers ?? {}),
        last_error: null,
        sent_at: null,
      })),
    )
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .execute();
}

/** One email to the outbox (see queueEmails); false when its dedupe key was already queued. */
export async function queueEmail(trx: Transaction<Database>, email: QueuedEmail): Promise<boolean> {
  return (await queueEmails(trx, [email])) === 1;
}
