import { type Kysely, sql } from "kysely";

/**
 * Files on maintenance requests and board comments, and file names in message search.
 *
 * - `attachments.maintenance_request_id`: a photo of a request. When the request has a thread,
 *   the same row also names the thread's first message (`message_id`), so the thread and its
 *   "View Files" show it too.
 * - `attachments.board_comment_id`: a file of a board comment (`board_post_id` stays for files of
 *   the post itself). Both reference their parent with the organization, as every child row does.
 * - A file belongs to a post, or to a comment, or to a request and/or a message: never to two of
 *   those groups at once.
 * - `messages.file_names`: the names of a message's files, written when they are attached, so a
 *   search for a file's name finds the message. `search_vector` now covers the body and those
 *   names (split at punctuation, so "leak-photo.jpg" is found by "leak"); it stays a stored column
 *   with its GIN index under the same name.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table board_comments add constraint board_comments_id_organization_key
      unique (id, organization_id);

    alter table attachments
      add column maintenance_request_id uuid,
      add column board_comment_id uuid,
      add constraint attachments_request_fkey foreign key (maintenance_request_id, organization_id)
        references maintenance_requests (id, organization_id) on delete cascade,
      add constraint attachments_board_post_org_fkey foreign key (board_post_id, organization_id)
        references board_posts (id, organization_id) on delete cascade,
      add constraint attachments_board_comment_fkey foreign key (board_comment_id, organization_id)
        references board_comments (id, organization_id) on delete cascade,
      add constraint attachments_one_owner check (
        num_nonnulls(board_post_id, board_comment_id, coalesce(message_id::text, maintenance_request_id::text)) <= 1
      );
    create index attachments_request_idx on attachments (maintenance_request_id)
      where maintenance_request_id is not null;
    create index attachments_board_post_idx on attachments (board_post_id)
      where board_post_id is not null;
    create index attachments_board_comment_idx on attachments (board_comment_id)
      where board_comment_id is not null;

    alter table messages add column file_names text check (length(file_names) <= 3000);
    alter table messages drop column search_vector;
    alter table messages add column search_vector tsvector generated always as (
      to_tsvector('english',
        body || ' ' || regexp_replace(coalesce(file_names, ''), '[^[:alnum:]]+', ' ', 'g'))
    ) stored;
    create index messages_search_vector_idx on messages using gin (search_vector);
    -- Search reads the lexeme statistics of this column to choose its plan: gather them now
    -- rather than when autovacuum gets to the rewritten table.
    analyze messages (search_vector);

    create or replace function search_queue_updated_messages() returns trigger language plpgsql as $$
    begin
      insert into search_index_queue (message_id)
        select n.id from updated n join previous o on o.id = n.id
        where n.body is distinct from o.body
          or n.file_names is distinct from o.file_names
          or n.deleted_at is distinct from o.deleted_at
          or n.sent_at is distinct from o.sent_at
          or n.type is distinct from o.type
          or n.priority is distinct from o.priority
          or n.conversation_id is distinct from o.conversation_id;
      return null;
    end $$;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function search_queue_updated_messages() returns trigger language plpgsql as $$
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
    alter table messages drop column search_vector;
    alter table messages drop column file_names;
    alter table messages
      add column search_vector tsvector generated always as (to_tsvector('english', body)) stored;
    create index messages_search_vector_idx on messages using gin (search_vector);

    delete from attachments where maintenance_request_id is not null and message_id is null;
    delete from attachments where board_comment_id is not null;
    alter table attachments
      drop constraint attachments_one_owner,
      drop constraint attachments_board_comment_fkey,
      drop constraint attachments_board_post_org_fkey,
      drop constraint attachments_request_fkey,
      drop column board_comment_id,
      drop column maintenance_request_id;
    alter table board_comments drop constraint board_comments_id_organization_key;
  `.execute(db);
}
