/** The SMS outbox: texts written with their `deliver_sms` job in the caller's transaction. */
import type { Database, Transaction } from "@hearth/db";
import { enqueueJobs } from "../outbox/jobs";

/** Tries over about an hour and a half (graphile-worker waits e^attempt seconds between them). */
export const SMS_MAX_ATTEMPTS = 8;

export interface QueuedSms {
  organizationId: string;
  userId: string | null;
  messageId: number | null;
  purpose: "notification" | "reply";
  /** What makes two texts the same one: `sms:<message>:<person>`, `sms-reply:<inbound sid>`. */
  dedupeKey: string;
  to: string;
  body: string;
}

/** Writes the texts whose key is new, each with its job; returns how many were new. */
export async function queueSms(
  trx: Transaction<Database>,
  texts: readonly QueuedSms[],
): Promise<number> {
  if (texts.length === 0) return 0;
  const rows = await trx
    .insertInto("outbound_sms")
    .values(
      texts.map((text) => ({
        organization_id: text.organizationId,
        user_id: text.userId,
        message_id: text.messageId,
        purpose: text.purpose,
        dedupe_key: text.dedupeKey,
        recipient: text.to,
        body: text.body,
        last_error: null,
        provider_id: null,
        fallback_email_id: null,
      })),
    )
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .execute();
  await enqueueJobs(
    trx,
    rows.map((row) => ({
      name: "deliver_sms" as const,
      payload: { outboundSmsId: row.id },
      options: { jobKey: `deliver_sms:${row.id}`, maxAttempts: SMS_MAX_ATTEMPTS },
    })),
  );
  return rows.length;
}
