/** The (person, message) pairs the email digest may be about: sent, unread, not yet dealt with. */
import type { ConversationKind, Database, MessageType, Priority, Transaction } from "@hearth/db";
import { sql } from "@hearth/db";
import { DEFAULT_EMAIL_DELAY_MINUTES } from "./preferences";

export interface DigestCandidate {
  userId: string;
  messageId: number;
  conversationId: string;
  conversationKind: ConversationKind;
  conversationTitle: string | null;
  type: MessageType;
  priority: Priority;
  body: string;
  senderName: string;
  mentioned: boolean;
  dueAt: Date;
}

/** At most this many pairs per run; the rest wait for the next run. */
export const CANDIDATES_PER_RUN = 20_000;

/**
 * Every queued message's recipients who have not read it, muted it, or been dealt with, and when
 * each is due (the message's send time plus that person's delay). Oldest messages first.
 */
export async function digestCandidates(trx: Transaction<Database>): Promise<DigestCandidate[]> {
  const { rows } = await sql<DigestCandidate>`
    select p.user_id as "userId", m.id::int as "messageId", m.conversation_id as "conversationId",
      c.kind as "conversationKind", c.title as "conversationTitle", m.type, m.priority, m.body,
      coalesce(sender.display_name, o.name) as "senderName",
      exists (select 1 from mentions mn where mn.message_id = m.id and mn.user_id = p.user_id)
        as mentioned,
      m.sent_at + make_interval(mins => coalesce(s.email_delay_minutes,
        ${DEFAULT_EMAIL_DELAY_MINUTES})) as "dueAt"
    from email_notification_queue q
    join messages m on m.id = q.message_id
    join conversations c on c.id = m.conversation_id
    join organizations o on o.id = m.organization_id
    join conversation_participants p on p.conversation_id = m.conversation_id
    left join users sender on sender.id = m.sender_id
    left join user_settings s on s.user_id = p.user_id
    where m.deleted_at is null and m.sent_at is not null
      and p.user_id is distinct from m.sender_id
      and p.last_read_message_id < m.id
      and not p.muted
      and not exists (select 1 from email_notification_digests d
        where d.user_id = p.user_id and d.message_id = m.id)
    order by m.id, p.user_id
    limit ${CANDIDATES_PER_RUN}`.execute(trx);
  return rows.map((row) => ({ ...row, dueAt: new Date(row.dueAt) }));
}

/** How long a queued message is kept at most: the longest delay and a night of quiet hours. */
const QUEUE_RETENTION = "2 days";

/**
 * Forgets queued messages nobody is waiting on any more: deleted, read by everyone, dealt with
 * for everyone, or older than the retention.
 */
export async function pruneDigestQueue(trx: Transaction<Database>, now: Date): Promise<void> {
  await sql`
    delete from email_notification_queue q using messages m
    where m.id = q.message_id and (
      m.deleted_at is not null
      or q.queued_at < ${now}::timestamptz - ${QUEUE_RETENTION}::interval
      or not exists (
        select 1 from conversation_participants p
        where p.conversation_id = m.conversation_id and p.user_id is distinct from m.sender_id
          and p.last_read_message_id < m.id and not p.muted
          and not exists (select 1 from email_notification_digests d
            where d.user_id = p.user_id and d.message_id = m.id)))`.execute(trx);
}
