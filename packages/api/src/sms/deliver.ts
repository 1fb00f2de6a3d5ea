/**
 * The `deliver_sms` job: sends one outbox text through the provider. A notification text is
 * checked against the person's consent again first (a STOP may have come in since it was
 * queued). A failure the provider calls permanent, or the last try, ends the text as failed and
 * sends its message by email instead; any other failure is rethrown so graphile-worker retries.
 */
import { type AppKind, type Database, type Kysely, sql, type Transaction } from "@hearth/db";
import { appForKind } from "../auth/lucia";
import type { Logger } from "../logger";
import { queueEmail } from "../outbox/email";
import { conversationPath } from "../push/payload";
import { consentAllows, readSmsConsent } from "./consent";
import { type SmsProvider, SmsSendError } from "./provider";
import { smsCategoryOf } from "./send-for-message";

export interface DeliverSmsDeps {
  db: Kysely<Database>;
  sms: SmsProvider;
  logger: Logger;
  urls: Record<AppKind, string>;
}

/** Which try this is, as graphile-worker counts them (the first is 1). */
export interface Attempt {
  number: number;
  max: number;
}

export type DeliverSmsOutcome = "sent" | "cancelled" | "failed" | "done-before";

export async function deliverSms(
  deps: DeliverSmsDeps,
  outboundSmsId: number,
  attempt: Attempt,
): Promise<DeliverSmsOutcome> {
  const text = await deps.db
    .selectFrom("outbound_sms as s")
    .leftJoin("messages as m", "m.id", "s.message_id")
    .select([
      "s.id",
      "s.organization_id as organizationId",
      "s.user_id as userId",
      "s.purpose",
      "s.dedupe_key as dedupeKey",
      "s.recipient",
      "s.body",
      "s.status",
      "m.priority",
    ])
    .where("s.id", "=", outboundSmsId)
    .executeTakeFirst();
  if (text?.status !== "queued") return "done-before";
  if (text.purpose === "notification" && text.userId) {
    const consent = await readSmsConsent(deps.db, text.userId);
    const stillAgreed =
      consentAllows(consent, smsCategoryOf(text.priority ?? "normal")) &&
      consent.phone === text.recipient;
    if (!stillAgreed) {
      await finish(deps.db, text.id, "cancelled", "The person withdrew consent before sending.");
      return "cancelled";
    }
  }
  try {
    const { providerId } = await deps.sms.send(
      { to: text.recipient, body: text.body, organizationId: text.organizationId },
      text.dedupeKey,
    );
    await deps.db
      .updateTable("outbound_sms")
      .set({
        status: "sent",
        attempts: sql`attempts + 1`,
        last_error: null,
        provider_id: providerId,
        sent_at: sql`now()`,
      })
      .where("id", "=", text.id)
      .where("status", "=", "queued")
      .execute();
    return "sent";
  } catch (error) {
    const permanent = error instanceof SmsSendError && error.permanent;
    const last = permanent || attempt.number >= attempt.max;
    if (!last) {
      await deps.db
        .updateTable("outbound_sms")
        .set({ attempts: sql`attempts + 1`, last_error: String(error) })
        .where("id", "=", text.id)
        .execute();
      deps.logger.warn({ err: error, outboundSmsId }, "SMS delivery failed; will retry");
      throw error;
    }
    await deps.db.transaction().execute(async (trx) => {
      const failed = await trx
        .updateTable("outbound_sms")
        .set({ status: "failed", attempts: sql`attempts + 1`, last_error: String(error) })
        .where("id", "=", text.id)
        .where("status", "=", "queued")
        .returning(["id"])
        .executeTakeFirst();
      if (failed && text.purpose === "notification" && text.userId)
        await fallBackToEmail(trx, deps.urls, text.id, text.organizationId, text.userId);
    });
    deps.logger.warn({ err: error, outboundSmsId }, "SMS failed; sent by email instead");
    return "failed";
  }
}

async function finish(
  db: Kysely<Database>,
  id: number,
  status: "cancelled",
  reason: string,
): Promise<void> {
  await db
    .updateTable("outbound_sms")
    .set({ status, last_error: reason })
    .where("id", "=", id)
    .where("status", "=", "queued")
    .execute();
}

/** The message the text was about, by email, in the transaction that marks the text failed. */
async function fallBackToEmail(
  trx: Transaction<Database>,
  urls: Record<AppKind, string>,
  outboundSmsId: number,
  organizationId: string,
  userId: string,
): Promise<void> {
  const row = await trx
    .selectFrom("outbound_sms as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .innerJoin("organizations as o", "o.id", "s.organization_id")
    .innerJoin("messages as m", "m.id", "s.message_id")
    .leftJoin("users as sender", "sender.id", "m.sender_id")
    .leftJoin("user_settings as us", "us.user_id", "u.id")
    .select([
      "u.email",
      "u.kind",
      "o.name as organizationName",
      "m.body",
      "m.conversation_id as conversationId",
      "sender.display_name as senderName",
    ])
    .where("s.id", "=", outboundSmsId)
    .where("u.id", "=", userId)
    // Someone who turned email off (or unsubscribed) is not emailed instead.
    .where((eb) => eb(eb.fn.coalesce("us.notify_email", eb.lit(true)), "=", true))
    .executeTakeFirst();
  if (!row) return;
  const app = appForKind[row.kind];
  const link = `${urls[app].replace(/\/$/, "")}${conversationPath(app, row.conversationId)}`;
  const from = row.senderName ?? row.organizationName;
  const queued = await queueEmail(trx, {
    organizationId,
    to: row.email,
    subject: `New message from ${from}`,
    text: `${from} wrote in ${row.organizationName}:\n\n${row.body}\n\nOpen the conversation: ${link}\n\n(We couldn't reach you by text, so this came by email.)`,
    fromName: row.organizationName,
    dedupeKey: `sms-fallback:${outboundSmsId}`,
  });
  if (!queued) return;
  const email = await trx
    .selectFrom("outbound_emails")
    .select("id")
    .where("dedupe_key", "=", `sms-fallback:${outboundSmsId}`)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable("outbound_sms")
    .set({ fallback_email_id: email.id })
    .where("id", "=", outboundSmsId)
    .execute();
}
