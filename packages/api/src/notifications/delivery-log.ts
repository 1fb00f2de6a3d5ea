/**
 * The delivery log of one message, per recipient and channel, read from each channel's own
 * records: in-app (opened when the person read it), email (the digest that carried it, or the
 * email sent when a text failed), push (what the push service accepted) and SMS (the outbox row,
 * its tries and its last error).
 */
import { type Database, type Kysely, sql } from "@hearth/db";

export type DeliveryStatus = "queued" | "sent" | "failed" | "cancelled" | "opened" | "skipped";

export interface DeliveryAttempt {
  channel: "in_app" | "email" | "push" | "sms";
  status: DeliveryStatus;
  attempts: number;
  at: Date | null;
  detail: string | null;
}

export interface RecipientDeliveries {
  userId: string;
  name: string;
  attempts: DeliveryAttempt[];
}

interface Row {
  userId: string;
  name: string;
  channel: DeliveryAttempt["channel"];
  status: DeliveryStatus;
  attempts: number;
  at: Date | null;
  detail: string | null;
}

export async function messageDeliveries(
  db: Kysely<Database>,
  message: { id: number; conversationId: string; senderId: string | null },
): Promise<RecipientDeliveries[]> {
  const { rows } = await sql<Row>`
    with people as (
      select p.user_id, u.display_name as name, coalesce(p.last_read_message_id, 0) as read_up_to
      from conversation_participants p join users u on u.id = p.user_id
      where p.conversation_id = ${message.conversationId}
        and p.user_id is distinct from ${message.senderId}
    )
    select user_id as "userId", name, 'in_app' as channel,
      case when read_up_to >= ${message.id} then 'opened' else 'sent' end as status,
      1 as attempts, null::timestamptz as at, null as detail
    from people
    union all
    select p.user_id, p.name, 'email',
      case when not d.emailed then 'skipped' when e.sent_at is not null then 'sent'
        else 'queued' end,
      coalesce(e.attempts, 0), e.sent_at, e.last_error
    from people p
    join email_notification_digests d on d.user_id = p.user_id and d.message_id = ${message.id}
    left join lateral (
      select o.id, o.sent_at, o.attempts, o.last_error from outbound_emails o
      where o.dedupe_key like 'digest:' || p.user_id || ':%'
        and ${message.id} between split_part(split_part(o.dedupe_key, ':', 3), '-', 1)::bigint
          and split_part(split_part(o.dedupe_key, ':', 3), '-', 2)::bigint
      order by o.id limit 1) e on d.emailed
    union all
    select p.user_id, p.name, 'email',
      case when e.sent_at is not null then 'sent' else 'queued' end,
      e.attempts, e.sent_at, 'Sent because the text failed'
    from people p
    join outbound_sms s on s.user_id = p.user_id and s.message_id = ${message.id}
    join outbound_emails e on e.id = s.fallback_email_id
    union all
    select p.user_id, p.name, 'push', 'sent', 1, max(d.sent_at), count(*)::int || ' device(s)'
    from people p
    join push_subscriptions ps on ps.user_id = p.user_id
    join push_deliveries d on d.subscription_id = ps.id and d.message_id = ${message.id}
    group by p.user_id, p.name
    union all
    select p.user_id, p.name, 'sms', s.status, s.attempts, coalesce(s.sent_at, s.created_at),
      s.last_error
    from people p
    join outbound_sms s on s.user_id = p.user_id and s.message_id = ${message.id}
    order by 2, 1, 3`.execute(db);
  const byPerson = new Map<string, RecipientDeliveries>();
  for (const row of rows) {
    const person = byPerson.get(row.userId) ?? { userId: row.userId, name: row.name, attempts: [] };
    person.attempts.push({
      channel: row.channel,
      status: row.status,
      attempts: Number(row.attempts),
      at: row.at,
      detail: row.detail,
    });
    byPerson.set(row.userId, person);
  }
  return [...byPerson.values()];
}
