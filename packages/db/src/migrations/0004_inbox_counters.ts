import { type Kysely, sql } from "kysely";

/**
 * The inbox answered from the participant row: each `conversation_participants` row carries what
 * the viewer's inbox shows and filters on, so a page of the inbox is a range of one index and the
 * unread badge a sum over the rows that have something unread.
 *
 * - `last_message_at`: the conversation's, copied (the inbox sorts on it per viewer).
 * - `unread_count`, `unread_high_count`: sent, undeleted messages by someone else after the row's
 *   read pointer (all of them, and the high-priority ones).
 * - `high_count`: sent, undeleted high-priority messages of the conversation (the same on every
 *   row of it), for the "high priority" view.
 * - `channel`: the inbox channel from the viewer's side (kind, and the kinds of the other people).
 *
 * The API's write path keeps them: the one statement that writes a message, the delete of a
 * message and the move of a read pointer, all under the conversation's lock. A row inserted into
 * a conversation that already has messages is filled in by a trigger from the messages table, so
 * whoever adds people gets it right. `inbox_refresh()` recounts everything from the messages table,
 * for data written around the API (the demo seed, benchmarks) and for the backfill below.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table conversation_participants
      add column last_message_at timestamptz,
      add column unread_count integer not null default 0,
      add column unread_high_count integer not null default 0,
      add column high_count integer not null default 0,
      add column channel text
        check (channel in ('team', 'tenants', 'service_pros', 'owners', 'maintenance', 'announcements'));

    -- The channel rule of packages/api/src/messaging/channels.ts (channelOf), in SQL.
    create function inbox_channel(conversation uuid, viewer uuid) returns text
    language sql stable as $$
      select case c.kind
        when 'team' then 'team'
        when 'maintenance' then 'maintenance'
        when 'broadcast' then 'announcements'
        else coalesce((
          select case
            when bool_or(u.kind = 'resident') then 'tenants'
            when bool_or(u.kind = 'service_pro') then 'service_pros'
            when bool_or(u.kind = 'owner') then 'owners'
          end
          from conversation_participants p join users u on u.id = p.user_id
          where p.conversation_id = c.id and p.user_id <> viewer), 'team')
      end
      from conversations c where c.id = conversation
    $$;

    create function inbox_refresh(only_conversation uuid default null) returns void
    language sql as $$
      update conversation_participants p set
        last_message_at = c.last_message_at,
        channel = inbox_channel(p.conversation_id, p.user_id),
        (unread_count, unread_high_count, high_count) = (
          select
            count(*) filter (where m.id > p.last_read_message_id
              and m.sender_id is distinct from p.user_id),
            count(*) filter (where m.id > p.last_read_message_id
              and m.sender_id is distinct from p.user_id and m.priority = 'high'),
            count(*) filter (where m.priority = 'high')
          from messages m
          where m.conversation_id = p.conversation_id and m.deleted_at is null
            and m.sent_at is not null)
      from conversations c
      where c.id = p.conversation_id
        and (only_conversation is null or p.conversation_id = only_conversation)
    $$;

    -- The same counts as inbox_refresh, written out: a function call per row would double the
    -- cost of adding a broadcast's thousands of recipients.
    create function conversation_participants_fill() returns trigger
    language plpgsql as $$
    declare
      conversation_kind text;
    begin
      select c.last_message_at, c.kind into new.last_message_at, conversation_kind
      from conversations c where c.id = new.conversation_id;
      select
        count(*) filter (where m.id > new.last_read_message_id
          and m.sender_id is distinct from new.user_id),
        count(*) filter (where m.id > new.last_read_message_id
          and m.sender_id is distinct from new.user_id and m.priority = 'high'),
        count(*) filter (where m.priority = 'high')
      into new.unread_count, new.unread_high_count, new.high_count
      from messages m
      where m.conversation_id = new.conversation_id and m.deleted_at is null
        and m.sent_at is not null;
      new.channel := case conversation_kind
        when 'team' then 'team'
        when 'maintenance' then 'maintenance'
        when 'broadcast' then 'announcements'
        else inbox_channel(new.conversation_id, new.user_id) end;
      return new;
    end $$;
    create trigger conversation_participants_fill before insert on conversation_participants
      for each row execute function conversation_participants_fill();

    -- Rows inserted by one statement do not see each other in the row trigger above, and a direct
    -- or unit group conversation's channel depends on the other people in it.
    create function conversation_participants_rechannel() returns trigger
    language plpgsql as $$
    begin
      update conversation_participants p set channel = inbox_channel(p.conversation_id, p.user_id)
      where p.conversation_id in (
          select a.conversation_id from added a join conversations c on c.id = a.conversation_id
          where c.kind in ('direct', 'unit_group'))
        and p.channel is distinct from inbox_channel(p.conversation_id, p.user_id);
      return null;
    end $$;
    create trigger conversation_participants_rechannel after insert on conversation_participants
      referencing new table as added
      for each statement execute function conversation_participants_rechannel();

    select inbox_refresh();
    alter table conversation_participants
      alter column last_message_at set not null,
      alter column channel set not null;

    -- One index per inbox view, each in the page's order, so a page is one range of one index.
    create index conversation_participants_inbox_page_idx
      on conversation_participants (user_id, last_message_at desc, conversation_id desc)
      where archived_at is null;
    create index conversation_participants_archived_page_idx
      on conversation_participants (user_id, last_message_at desc, conversation_id desc)
      where archived_at is not null;
    create index conversation_participants_channel_page_idx
      on conversation_participants (user_id, channel, last_message_at desc, conversation_id desc)
      where archived_at is null;
    create index conversation_participants_high_page_idx
      on conversation_participants (user_id, last_message_at desc, conversation_id desc)
      where high_count > 0;
    -- The unread badge and the channels' counts: only the rows with something unread.
    create index conversation_participants_unread_idx
      on conversation_participants (user_id) include (organization_id, channel, unread_count)
      where archived_at is null and unread_count > 0;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop trigger if exists conversation_participants_rechannel on conversation_participants;
    drop trigger if exists conversation_participants_fill on conversation_participants;
    drop function if exists conversation_participants_rechannel();
    drop function if exists conversation_participants_fill();
    drop function if exists inbox_refresh(uuid);
    drop function if exists inbox_channel(uuid, uuid);
    drop index if exists conversation_participants_unread_idx;
    drop index if exists conversation_participants_high_page_idx;
    drop index if exists conversation_participants_channel_page_idx;
    drop index if exists conversation_participants_archived_page_idx;
    drop index if exists conversation_participants_inbox_page_idx;
    alter table conversation_participants
      drop column if exists channel,
      drop column if exists high_count,
      drop column if exists unread_high_count,
      drop column if exists unread_count,
      drop column if exists last_message_at;
  `.execute(db);
}
