/**
 * A text someone sent to our number (Twilio's inbound webhook, or /dev/sms simulating one).
 * STOP and its kin stop every text to the number, START resumes them, HELP answers; each is
 * written to the consent ledger and answered with one text, through the SMS outbox. The reply is
 * keyed by the inbound message's id, so a webhook Twilio retries answers once.
 */
import type { Database, Kysely } from "@hearth/db";
import { organizationReplyTo } from "../mail/reply-to";
import { smsIntent } from "./keywords";
import { queueSms } from "./outbox";
import { helpText, startConfirmationText, stopConfirmationText } from "./texts";

export interface InboundSms {
  from: string;
  body: string;
  /** The provider's id of the inbound text (Twilio's MessageSid). */
  messageId: string;
}

export interface InboundOutcome {
  intent: "stop" | "start" | "help" | "other";
  /** People whose consent this text changed. */
  changed: number;
  /** Whether an answer was queued. */
  answered: boolean;
}

export async function receiveSms(
  db: Kysely<Database>,
  inbound: InboundSms,
  managerUrl: string,
): Promise<InboundOutcome> {
  const intent = smsIntent(inbound.body);
  if (intent === "other") return { intent, changed: 0, answered: false };
  return db.transaction().execute(async (trx) => {
    // Everyone with this number, locked so a STOP and a START at once apply one after the other.
    const people = await trx
      .selectFrom("user_settings as s")
      .innerJoin("organizations as o", "o.id", "s.organization_id")
      .select([
        "s.user_id as userId",
        "s.organization_id as organizationId",
        "s.sms_stopped_at as stoppedAt",
        "o.name as organizationName",
        organizationReplyTo("o").as("contact"),
      ])
      .where("s.sms_phone", "=", inbound.from)
      .orderBy("s.user_id")
      .forUpdate("s")
      .execute();
    const first = people[0];
    if (!first) return { intent, changed: 0, answered: false };
    const changing = people.filter((p) =>
      intent === "stop" ? p.stoppedAt === null : intent === "start" ? p.stoppedAt !== null : false,
    );
    if (changing.length > 0) {
      await trx
        .updateTable("user_settings")
        .set({ sms_stopped_at: intent === "stop" ? new Date() : null })
        .where(
          "user_id",
          "in",
          changing.map((p) => p.userId),
        )
        .execute();
      await trx
        .insertInto("sms_consent_ledger")
        .values(
          changing.map((p) => ({
            organization_id: p.organizationId,
            user_id: p.userId,
            phone: inbound.from,
            category: null,
            action: intent === "stop" ? ("opt_out" as const) : ("opt_in" as const),
            source: "sms_reply" as const,
            detail: inbound.body.slice(0, 1600),
          })),
        )
        .execute();
    }
    // One confirmation per change (a second STOP is not confirmed again); HELP is always answered.
    const answer =
      intent === "help"
        ? helpText(first.organizationName, first.contact ?? managerUrl)
        : changing.length === 0
          ? null
          : intent === "stop"
            ? stopConfirmationText(first.organizationName)
            : startConfirmationText(first.organizationName);
    const answered =
      answer !== null &&
      (await queueSms(trx, [
        {
          organizationId: first.organizationId,
          userId: first.userId,
          messageId: null,
          purpose: "reply",
          dedupeKey: `sms-reply:${inbound.messageId}`,
          to: inbound.from,
          body: answer,
        },
      ])) === 1;
    return { intent, changed: changing.length, answered };
  });
}
