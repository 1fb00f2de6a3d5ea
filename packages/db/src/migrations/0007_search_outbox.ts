import { type Kysely, sql } from "kysely";

/**
 * The search index's outbox. Every change that alters what a message's index document holds or
 * who may read it queues the message (or its whole conversation) here, in the transaction that
 * made the change, so the index can never miss one: triggers, not callers, do the queueing, so
 * no write path can forget. The search indexer (packages/api/src/search) drains the queue.
 *
 * Queued: messages sent, edited, retyped, deleted or removed; scheduled messages when they go;
 * participants joining or leaving (the conversation: every message's readers changed); a
 * conversation's kind, unit or request changing (its messages' filters changed).
 *
 * And what the Postgres engine searches with (packages/search):
 * - `search_vector`, the body's English tsvector, stored: a search for a common word walks the
 *   newest messages testing each, and computing the tsvector per row tested was 30 times the
 *   cost of reading it. The full-text index moves onto the column.
 * - The indexes behind that newest-first walk over an organization's messages (and over its
 *   high-priority ones, a filter the inbox offers), which also serve a search with no words.
 * - The trigram index goes: words match as prefixes through the full-text index, and a trigram
 *   entry per three letters of every message was the dearest part of a send.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table search_index_queue (
      id bigint generated always as identity primary key,
      message_id bigint,
      conversation_id uuid,
      enqueued_at timestamptz not null default now(),
      -- A claimed row is pushed into the future; a failed one backs off. Never deleted unsynced.
      run_after timestamptz not null default now(),
      attempts integer not null default 0,
      last_error text,
      constraint search_index_queue_one_target
        check ((message_id is null) <> (conversation_id is null))
    );
    create index search_index_queue_due_idx on search_index_queue (run_after, id);

    create function search_queue_inserted_messages() returns trigger language plpgsql as $$
    begin
      insert into search_index_queue (message_id)
        select id from inserted where sent_at is not null;
      return null;
    end $$;

    create function search_queue_updated_messages() returns trigger language plpgsql as $$
    begin
      insert into search_index_queue (message_id)
        select n.id from updated n join previous o on o.id = n.id
        where n.body is distinct from o.body
          or n.deleted_at is distinct from o.deleted_at
          or n.sent_at is distinct from o.sent_at
          or n.type is distinct from o.type
          or n.priority is distinct from o.priority
          or n.conversation_id is distinct from o.conversation_id;
      return null;
    end $$;

    create function search_queue_deleted_messages() returns trigger language plpgsql as $$
    begin
      insert into search_index_queue (message_id) select id from removed;
      return null;
    end $$;

    create function search_queue_participant_changes() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into search_index_queue (conversation_id)
          select distinct conversation_id from inserted;
      else
        insert into search_index_queue (conversation_id)
          select distinct conversation_id from removed;
      end if;
      return null;
    end $$;

    create function search_queue_conversation_changes() returns trigger language plpgsql as $$
    begin
      insert into search_index_queue (conversation_id)
        select n.id from updated n join previous o on o.id = n.id
        where n.kind is distinct from o.kind
          or n.unit_id is distinct from o.unit_id
          or n.maintenance_request_id is distinct from o.maintenance_request_id;
      return null;
    end $$;

    create trigger messages_search_insert after insert on messages
      referencing new table as inserted
      for each statement execute function search_queue_inserted_messages();
    create trigger messages_search_update after update on messages
      referencing old table as previous new table as updated
      for each statement execute function search_queue_updated_messages();
    create trigger messages_search_delete after delete on messages
      referencing old table as removed
      for each statement execute function search_queue_deleted_messages();
    create trigger participants_search_insert after insert on conversation_participants
      referencing new table as inserted
      for each statement execute function search_queue_participant_changes();
    create trigger participants_search_delete after delete on conversation_participants
      referencing old table as removed
      for each statement execute function search_queue_participant_changes();
    create trigger conversations_search_update after update on conversations
      referencing old table as previous new table as updated
      for each statement execute function search_queue_conversation_changes();

    alter table messages
      add column search_vector tsvector generated always as (to_tsvector('english', body)) stored;
    create index messages_search_vector_idx on messages using gin (search_vector);
    drop index messages_body_fts_idx;
    drop index messages_body_trgm_idx;
    create index messages_organization_recent_idx
      on messages (organization_id, created_at desc, id desc)
      where deleted_at is null and sent_at is not null;
    create index messages_organization_high_idx
      on messages (organization_id, created_at desc, id desc)
      where priority = 'high' and deleted_at is null and sent_at is not null;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index if exists messages_organization_high_idx;
    drop index if exists messages_organization_recent_idx;
    create index if not exists messages_body_trgm_idx on messages using gin (body gin_trgm_ops);
    create index if not exists messages_body_fts_idx on messages
      using gin (to_tsvector('english', body));
    alter table messages drop column if exists search_vector;
    drop trigger if exists conversations_search_update on conversations;
    drop trigger if exists participants_search_delete on conversation_participants;
    drop trigger if exists participants_search_insert on conversation_participants;
    drop trigger if exists messages_search_delete on messages;
    drop trigger if exists messages_search_update on messages;
    drop trigger if exists messages_search_insert on messages;
    drop function if exists search_queue_conversation_changes();
    drop function if exists search_queue_participant_changes();
    drop function if exists search_queue_deleted_messages();
    drop function if exists search_queue_updated_messages();
    drop function if exists search_queue_inserted_messages();
    drop table if exists search_index_queue;
  `.execute(db);
}
