/**
 * The `send_push` job (added by migration 0016's trigger when a message is sent): one push per
 * subscription of each recipient whose settings route this message to push now. A subscription
 * the push service accepted is recorded, so a retry sends only what has not gone out; one the
 * push service says is gone (404, 410) is removed.
 */

import { type Database, type Kysely, sql } from "@hearth/db";
import { appForKind } from "../auth/lucia";
import type { Logger } from "../logger";
import { notifiesNow } from "../notifications/channel-choice";
import { kindOfMessage } from "../notifications/kinds";
import { preferencesFromRow, preferencesQuery } from "../notifications/preferences";
import { resolvedPolicy } from "../policy/resolved-policy";
import { pushPayload } from "./payload";
import type { PushTransport } from "./transport";

export interface SendPushDeps {
  db: Kysely<Database>;
  logger: Logger;
  transport: PushTransport;
}

export interface PushRun {
  sent: number;
  removed: number;
  /** Recipients whose settings, the policy or quiet hours kept the push back. */
  skipped: number;
}

/** A day: a browser offline longer gets the messages when it opens the app instead. */
const PUSH_TTL_SECONDS = 86_400;

async function messageToPush(db: Kysely<Database>, messageId: number) {
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

/** Everyone else in the conversation with a subscription, with what decides their push. */
async function recipients(
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
    .where((eb) =>
      eb.exists(
        eb.selectFrom("push_subscriptions as s").select("s.id").whereRef("s.user_id", "=", "u.id"),
      ),
    );
  if (message.senderId) query = query.where("u.id", "!=", message.senderId);
  return query.execute();
}

async function pendingSubscriptions(db: Kysely<Database>, userId: string, messageId: number) {
  return db
    .selectFrom("push_subscriptions as s")
    .select(["s.id", "s.organization_id as organizationId", "s.endpoint", "s.p256dh", "s.auth"])
    .where("s.user_id", "=", userId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("push_deliveries as d")
            .select("d.message_id")
            .whereRef("d.subscription_id", "=", "s.id")
            .where("d.message_id", "=", messageId),
        ),
      ),
    )
    .execute();
}

/** The first key of this job's advisory locks; the second is the message id. */
const PUSH_LOCK = 0x70757368;

/**
 * Runs the job while holding a lock on the message, so two runs at once (a duplicate job, a retry
 * overlapping a slow run) never both send: the second waits for a later retry.
 */
export async function sendPushForMessage(
  deps: SendPushDeps,
  messageId: number,
  now: Date,
): Promise<PushRun> {
  return deps.db.connection().execute(async (connection) => {
    const key = sql`${PUSH_LOCK}::int, (${messageId}::bigint % 2147483647)::int`;
    const { rows } = await sql<{ locked: boolean }>`
      select pg_try_advisory_lock(${key}) as locked`.execute(connection);
    if (!rows[0]?.locked) throw new Error(`message ${messageId} is being pushed by another run`);
    try {
      return await pushMessage(deps, messageId, now);
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(connection);
    }
  });
}

async function pushMessage(deps: SendPushDeps, messageId: number, now: Date): Promise<PushRun> {
  const run: PushRun = { sent: 0, removed: 0, skipped: 0 };
  const message = await messageToPush(deps.db, messageId);
  if (!message || message.sentAt === null || message.deletedAt !== null) return run;
  const failures: string[] = [];
  for (const person of await recipients(deps.db, message)) {
    const resolved = resolvedPolicy(person.profile, person.overrides);
    const kind = kindOfMessage(message.conversationKind, message.type, Boolean(person.mentioned));
    const wanted =
      resolved.ok &&
      !person.read &&
      (!person.muted || Boolean(person.mentioned)) &&
      notifiesNow(
        resolved.policy,
        { mode: person.mode },
        preferencesFromRow(person),
        "push",
        { kind, priority: message.priority },
        now,
      );
    if (!wanted) {
      run.skipped += 1;
      continue;
    }
    const payload = JSON.stringify(
      pushPayload({
        app: appForKind[person.kind],
        from: message.senderName ?? message.organizationName,
        mentioned: Boolean(person.mentioned),
        body: message.body,
        conversationId: message.conversationId,
        messageId: message.id,
      }),
    );
    for (const subscription of await pendingSubscriptions(deps.db, person.userId, message.id)) {
      const outcome = await deps.transport
        .send(
          {
            endpoint: subscription.endpoint,
            keys: { p256dh: subscription.p256dh, auth: subscription.auth },
          },
          payload,
          {
            ttlSeconds: PUSH_TTL_SECONDS,
            topic: `m${message.id}`,
            urgency: message.priority === "high" ? "high" : "normal",
          },
        )
        .catch((error: unknown) => ({ status: 0, body: String(error) }));
      if (outcome.status >= 200 && outcome.status < 300) {
        await recordSent(deps.db, subscription, message.id, now);
        run.sent += 1;
      } else if (outcome.status === 404 || outcome.status === 410) {
        await deps.db.deleteFrom("push_subscriptions").where("id", "=", subscription.id).execute();
        run.removed += 1;
      } else if (outcome.status === 0 || outcome.status === 429 || outcome.status >= 500) {
        failures.push(`${outcome.status || "network"}: ${outcome.body}`);
      } else {
        // The push service refused this request itself (400, 413 ...): a retry would be refused too.
        deps.logger.warn({ messageId, status: outcome.status, body: outcome.body }, "push refused");
      }
    }
  }
  // Thrown so graphile-worker retries with backoff; what was accepted is not sent again.
  if (failures.length > 0) throw new Error(`push delivery failed: ${failures.join("; ")}`);
  return run;
}

async function recordSent(
  db: Kysely<Database>,
  subscription: { id: string; organizationId: string },
  messageId: number,
  now: Date,
): Promise<void> {
  // Only while the subscription still exists: it may have been removed meanwhile.
  await sql`
    with recorded as (
      insert into push_deliveries (organization_id, subscription_id, message_id)
      select organization_id, id, ${messageId} from push_subscriptions where id = ${subscription.id}
      on conflict do nothing
    )
    update push_subscriptions set last_sent_at = ${now} where id = ${subscription.id}`.execute(db);
}
