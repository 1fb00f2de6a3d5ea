/**
 * The send's SQL as the product runs it (packages/api/src/realtime/event-log.ts
 * `lockConversation`, packages/api/src/data/messages.ts `writeMessage`): the conversation's
 * advisory lock, then one statement that inserts the message, touches the conversation and the
 * participants, writes mentions and the live event. The last select also returns the
 * participants, which this server fans out in memory instead of reading the event log.
 * Keep in step with those files when they change.
 */
import { type Database, type Kysely, sql } from "@hearth/db";

export interface BareDraft {
  organizationId: string;
  conversationId: string;
  senderId: string;
  clientId: string;
  body: string;
}

export interface BareSent {
  id: number;
  recipients: string[];
}

export async function sendMessage(
  db: Kysely<Database>,
  draft: BareDraft,
): Promise<BareSent | null> {
  const sentAt = new Date();
  const readBy = sql`${sql.val([draft.senderId])}::uuid[]`;
  const high = 0;
  const mentioned: string[] = [];
  const mentionPayload = JSON.stringify({ by: "", excerpt: draft.body.slice(0, 140) });
  return db.transaction().execute(async (trx) => {
    await sql`
      select pg_current_xact_id_if_assigned()::text as assigned,
        pg_advisory_xact_lock(hashtextextended(${`conversation:${draft.conversationId}`}, 0))`.execute(
      trx,
    );
    const { rows } = await sql<{ id: number; recipients: string[] | null }>`
      with inserted as (
        insert into messages (organization_id, conversation_id, sender_id, client_id, body, type,
          priority, copy_to_email, scheduled_for, sent_at, created_at)
        values (${draft.organizationId}, ${draft.conversationId}, ${draft.senderId},
          ${draft.clientId}, ${draft.body}, 'general', 'normal', false, null, ${sentAt}, ${sentAt})
        on conflict (sender_id, client_id) where client_id is not null do nothing
        returning id
      ), touched as (
        update conversations set last_message_at = ${sentAt}
        from inserted where conversations.id = ${draft.conversationId}
      ), participants as (
        update conversation_participants p set
          archived_at = null,
          last_message_at = ${sentAt},
          last_read_message_id = case when p.user_id = any(${readBy})
            then inserted.id else p.last_read_message_id end,
          last_read_at = case when p.user_id = any(${readBy})
            then ${sentAt} else p.last_read_at end,
          unread_count = case when p.user_id = any(${readBy}) then 0
            when p.user_id = ${draft.senderId}::uuid then p.unread_count
            else p.unread_count + 1 end,
          unread_high_count = case when p.user_id = any(${readBy}) then 0
            when p.user_id = ${draft.senderId}::uuid then p.unread_high_count
            else p.unread_high_count + ${high}::int end,
          high_count = p.high_count + ${high}::int
        from inserted where p.conversation_id = ${draft.conversationId}
        returning p.user_id
      ), mentioned as (
        insert into mentions (message_id, user_id, organization_id)
        select inserted.id, m.user_id, ${draft.organizationId}
        from inserted, unnest(${sql.val(mentioned)}::uuid[]) as m(user_id)
      ), notified as (
        insert into notifications (organization_id, user_id, kind, conversation_id, message_id, payload)
        select ${draft.organizationId}, m.user_id, 'mention', ${draft.conversationId}, inserted.id,
          ${mentionPayload}::jsonb
        from inserted, unnest(${sql.val(mentioned)}::uuid[]) as m(user_id)
      ), event as (
        insert into live_events (organization_id, conversation_id, recipients, payload)
        select ${draft.organizationId}, ${draft.conversationId},
          coalesce((select array_agg(user_id) from participants), '{}'),
          jsonb_build_object('type', 'message', 'change', 'created',
            'conversationId', ${draft.conversationId}::text, 'messageId', inserted.id)
        from inserted
      )
      select id, (select array_agg(user_id) from participants) as recipients
      from inserted`.execute(trx);
    const row = rows[0];
    return row ? { id: Number(row.id), recipients: row.recipients ?? [] } : null;
  });
}
