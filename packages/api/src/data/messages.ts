/**
 * The messages aggregate: the one place that writes the `messages` table. Replies, conversation
 * starts, maintenance threads and broadcasts all send through `writeMessage`.
 */
import { type Database, type MessageType, type Priority, sql, type Transaction } from "@hearth/db";
import { TRPCError } from "@trpc/server";

export interface MessageToWrite {
  organizationId: string;
  conversationId: string;
  /** Null when the organization itself sends (a broadcast "from the space"). */
  senderId: string | null;
  /** Idempotency: a second write with the same sender and client id writes nothing. */
  clientId: string;
  body: string;
  type: MessageType;
  priority: Priority;
  copyToEmail?: boolean;
  sentAt: Date;
  /** The time its sender scheduled it for, when it was a scheduled message. */
  scheduledFor?: Date | null;
  /** An auto-response (never answered by another one). */
  automatic?: boolean;
  /** Appends the sender's signature from their settings (where the policy has signatures). */
  signed?: boolean;
  /** Participants whose read pointer moves to this message (whoever wrote it). */
  readBy: readonly string[];
  /** People @-mentioned (already allowed by the policy), with the notification's payload. */
  mentions?: { userIds: readonly string[]; by: string } | undefined;
}

export interface WrittenMessage {
  id: number;
  /** False when this was a retry of a message already written. */
  created: boolean;
}

/**
 * Writes a message and what goes with it in one statement: the conversation's activity time
 * (reopening it if the team had closed it);
 * on every participant row un-archiving, the activity time, the read pointer for `readBy` and the
 * inbox counters (migration 0004); mentions with their notifications; and the live event for
 * every participant. Runs in the caller's transaction, which must have taken the conversation's
 * lock first (`lockConversation`) when the conversation already existed.
 */
export async function writeMessage(
  trx: Transaction<Database>,
  message: MessageToWrite,
): Promise<WrittenMessage> {
  const mentioned = message.mentions?.userIds ?? [];
  const mentionPayload = JSON.stringify({
    by: message.mentions?.by ?? "",
    excerpt: message.body.slice(0, 140),
  });
  const readBy = sql`${sql.val(message.readBy)}::uuid[]`;
  const high = message.priority === "high" ? 1 : 0;
  const { rows } = await sql<{ id: number; queued: number }>`
    with inserted as (
      insert into messages (organization_id, conversation_id, sender_id, client_id, body, type,
        priority, copy_to_email, scheduled_for, sent_at, created_at, automatic, signature)
      values (${message.organizationId}, ${message.conversationId}, ${message.senderId},
        ${message.clientId}, ${message.body}, ${message.type}, ${message.priority},
        ${message.copyToEmail ?? false}, ${message.scheduledFor ?? null}, ${message.sentAt},
        ${message.sentAt}, ${message.automatic ?? false},
        case when ${message.signed ?? false} then (select nullif(btrim(s.signature), '')
          from user_settings s where s.user_id = ${message.senderId}::uuid) end)
      on conflict (sender_id, client_id) where client_id is not null do nothing
      returning id
    ), touched as (
      -- A new message reopens a conversation the team closed (an auto-response doesn't).
      update conversations set last_message_at = ${message.sentAt},
        closed_at = case when ${message.automatic ?? false} then closed_at end,
        closed_by = case when ${message.automatic ?? false} then closed_by end
      from inserted where conversations.id = ${message.conversationId}
    ), participants as (
      update conversation_participants p set
        archived_at = null,
        last_message_at = ${message.sentAt},
        last_read_message_id = case when p.user_id = any(${readBy})
          then inserted.id else p.last_read_message_id end,
        last_read_at = case when p.user_id = any(${readBy})
          then ${message.sentAt} else p.last_read_at end,
        -- A reader has read up to this message, the newest of the conversation (its lock is
        -- held), so nothing is unread; the author's own message is never unread to them.
        unread_count = case when p.user_id = any(${readBy}) then 0
          when p.user_id = ${message.senderId}::uuid then p.unread_count
          else p.unread_count + 1 end,
        unread_high_count = case when p.user_id = any(${readBy}) then 0
          when p.user_id = ${message.senderId}::uuid then p.unread_high_count
          else p.unread_high_count + ${high}::int end,
        high_count = p.high_count + ${high}::int,
        -- A manager who joined from the team inbox is an ordinary participant once they write.
        watching = p.watching and p.user_id is distinct from ${message.senderId}::uuid
      from inserted where p.conversation_id = ${message.conversationId}
      returning p.user_id
    ), mentioned as (
      insert into mentions (message_id, user_id, organization_id)
      select inserted.id, m.user_id, ${message.organizationId}
      from inserted, unnest(${sql.val(mentioned)}::uuid[]) as m(user_id)
    ), notified as (
      insert into notifications (organization_id, user_id, kind, conversation_id, message_id, payload)
      select ${message.organizationId}, m.user_id, 'mention', ${message.conversationId}, inserted.id,
        ${mentionPayload}::jsonb
      from inserted, unnest(${sql.val(mentioned)}::uuid[]) as m(user_id)
    ), event as (
      insert into live_events (organization_id, conversation_id, recipients, payload)
      select ${message.organizationId}, ${message.conversationId},
        coalesce((select array_agg(user_id) from participants), '{}'),
        jsonb_build_object('type', 'message', 'change', 'created',
          'conversationId', ${message.conversationId}::text, 'messageId', inserted.id)
      from inserted
    ), auto_response as (
      -- The outbox job that answers with auto-responses, only when someone here has one set up
      -- (the job asks the policy); an automatic message is never answered.
      select graphile_worker.add_job('send_auto_responses',
          json_build_object('messageId', inserted.id), job_key => 'auto-response:' || inserted.id)
      from inserted
      where not ${message.automatic ?? false} and exists (
        select 1 from user_settings s
        join conversation_participants p
          on p.conversation_id = ${message.conversationId} and p.user_id = s.user_id
        where s.organization_id = ${message.organizationId}
          and (s.auto_response_enabled or s.vacation_ends_at is not null)
          and s.user_id is distinct from ${message.senderId}::uuid)
    )
    select id, (select count(*) from auto_response) as queued from inserted`.execute(trx);
  const inserted = rows[0];
  if (inserted) return { id: Number(inserted.id), created: true };
  return { id: await earlierMessage(trx, message), created: false };
}

/** The message an earlier write with the same client id made; it must be in this conversation. */
async function earlierMessage(trx: Transaction<Database>, message: MessageToWrite) {
  const existing =
    message.senderId === null
      ? undefined
      : await trx
          .selectFrom("messages")
          .select(["id", "conversation_id"])
          .where("sender_id", "=", message.senderId)
          .where("client_id", "=", message.clientId)
          .executeTakeFirst();
  if (!existing || existing.conversation_id !== message.conversationId)
    throw new TRPCError({
      code: "CONFLICT",
      message: "clientId: This id was already used for another message.",
    });
  return existing.id;
}

/** The conversation of the viewer's message with this client id, if they sent one. */
export async function conversationOfClientId(
  trx: Transaction<Database>,
  senderId: string,
  clientId: string,
): Promise<string | null> {
  const row = await trx
    .selectFrom("messages")
    .select("conversation_id")
    .where("sender_id", "=", senderId)
    .where("client_id", "=", clientId)
    .executeTakeFirst();
  return row?.conversation_id ?? null;
}

/**
 * Takes a message that is being deleted out of the inbox counters of the conversation's people:
 * unread for those who had not read it, and the conversation's high-priority count. Call it once,
 * in the transaction that deletes the message, under the conversation's lock and the message's
 * row lock, while the message was not deleted before.
 */
export async function uncountDeletedMessage(
  trx: Transaction<Database>,
  messageId: number,
): Promise<void> {
  const unread = sql`(m.id > p.last_read_message_id and m.sender_id is distinct from p.user_id)`;
  // Never below zero: a count that drifted (data written around the API) must not fail a delete.
  await sql`
    update conversation_participants p set
      unread_count = greatest(p.unread_count - ${unread}::int, 0),
      unread_high_count = greatest(p.unread_high_count - (${unread} and m.priority = 'high')::int, 0),
      high_count = greatest(p.high_count - (m.priority = 'high')::int, 0)
    from messages m
    where m.id = ${messageId} and p.conversation_id = m.conversation_id and m.sent_at is not null
      and (m.priority = 'high' or ${unread})`.execute(trx);
}
