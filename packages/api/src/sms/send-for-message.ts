/**
 * The `send_sms` job (added by migration 0015's trigger when a message is sent): one text per
 * recipient whose policy, settings, quiet hours and consent route this message to SMS now,
 * written to the SMS outbox with its `deliver_sms` job in one transaction (key per message and
 * person, so a retried job queues nothing twice).
 */
import type { AppKind, Database, Kysely, SmsCategory } from "@hearth/db";
import { appForKind } from "../auth/lucia";
import { notifiesNow } from "../notifications/channel-choice";
import { kindOfMessage } from "../notifications/kinds";
import { preferencesFromRow, preferencesQuery } from "../notifications/preferences";
import { resolvedPolicy } from "../policy/resolved-policy";
import { conversationPath } from "../push/payload";
import { consentAllows, readSmsConsent } from "./consent";
import { type QueuedSms, queueSms } from "./outbox";
import { notificationText } from "./texts";

export interface SendSmsDeps {
  db: Kysely<Database>;
  urls: Record<AppKind, string>;
}

export interface SmsRun {
  queued: number;
  /** Recipients the policy, their settings, quiet hours or their consent kept the text from. */
  skipped: number;
}

/** High priority is the emergency category; everything a conversation carries is operational. */
export function smsCategoryOf(priority: "normal" | "high"): SmsCategory {
  return priority === "high" ? "emergency" : "operational";
}

function messageToText(db: Kysely<Database>, messageId: number) {
  return db
    .selectFrom("messages as m")
    .innerJoin("conversations as c", "c.id", "m.conversation_id")
    .innerJoin("organizations as o", "o.id", "m.organization_id")
    .leftJoin("users as sender", "sender.id", "m.sender_id")
    .select([
      "m.id",
      "m.organization_id as organizationId",
      "m.conversation_id as conversationId",
      "m.sender_id as senderId",
      "m.body",
      "m.type",
      "m.priority",
      "m.sent_at as sentAt",
      "m.deleted_at as deletedAt",
      "c.kind as conversationKind",
      "o.name as organizationName",
      "sender.display_name as senderName",
    ])
    .where("m.id", "=", messageId)
    .executeTakeFirst();
}

function recipients(
  db: Kysely<Database>,
  message: { id: number; conversationId: string; senderId: string | null },
) {
  let query = preferencesQuery(db)
    .innerJoin("conversation_participants as p", "p.user_id", "u.id")
    .select([
      "u.kind",
      "p.muted",
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom("mentions as mn")
              .select("mn.user_id")
              .whereRef("mn.user_id", "=", "u.id")
              .where("mn.message_id", "=", message.id),
          )
          .as("mentioned"),
      (eb) => eb(eb.fn.coalesce("p.last_read_message_id", eb.lit(0)), ">=", message.id).as("read"),
    ])
    .where("p.conversation_id", "=", message.conversationId)
    .where("s.sms_phone", "is not", null);
  if (message.senderId) query = query.where("u.id", "!=", message.senderId);
  return query.execute();
}

export async function sendSmsForMessage(
  deps: SendSmsDeps,
  messageId: number,
  now: Date,
): Promise<SmsRun> {
  const run: SmsRun = { queued: 0, skipped: 0 };
  const message = await messageToText(deps.db, messageId);
  if (!message || message.sentAt === null || message.deletedAt !== null) return run;
  const category = smsCategoryOf(message.priority);
  const texts: QueuedSms[] = [];
  for (const person of await recipients(deps.db, message)) {
    const resolved = resolvedPolicy(person.profile, person.overrides);
    const consent = await readSmsConsent(deps.db, person.userId);
    const kind = kindOfMessage(message.conversationKind, message.type, Boolean(person.mentioned));
    const wanted =
      resolved.ok &&
      consentAllows(consent, category) &&
      !person.read &&
      (!person.muted || Boolean(person.mentioned)) &&
      notifiesNow(
        resolved.policy,
        { mode: person.mode },
        preferencesFromRow(person),
        "sms",
        { kind, priority: message.priority },
        now,
      );
    if (!wanted || consent.phone === null) {
      run.skipped += 1;
      continue;
    }
    const app = appForKind[person.kind];
    texts.push({
      organizationId: message.organizationId,
      userId: person.userId,
      messageId: message.id,
      purpose: "notification",
      dedupeKey: `sms:${message.id}:${person.userId}`,
      to: consent.phone,
      body: notificationText({
        organizationName: message.organizationName,
        from: message.senderName ?? message.organizationName,
        body: message.body,
        url: `${deps.urls[app].replace(/\/$/, "")}${conversationPath(app, message.conversationId)}`,
      }),
    });
  }
  run.queued = await deps.db.transaction().execute((trx) => queueSms(trx, texts));
  return run;
}
