import { type Kysely, sql } from "kysely";

/**
 * Maintenance requests managers work through, and private answers to announcements.
 *
 * - A request's status is one of new, in progress, waiting, done (was open, in progress,
 *   closed); requests page newest first by `(created_at, id)`.
 * - `maintenance_request_updates`: the history a resident follows on their maintenance page,
 *   one row per status change or share. A share also makes the request visible to that person.
 * - `conversations.replies_to`: a private conversation opened by a recipient's answer to an
 *   announcement; at most one per announcement and recipient.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table maintenance_requests drop constraint maintenance_requests_status_check;
    update maintenance_requests
      set status = case status when 'open' then 'new' when 'closed' then 'done' else status end;
    alter table maintenance_requests
      alter column status set default 'new',
      add constraint maintenance_requests_status_check
        check (status in ('new', 'in_progress', 'waiting', 'done'));
    drop index maintenance_requests_org_idx;
    create index maintenance_requests_page_idx
      on maintenance_requests (organization_id, created_at desc, id desc);

    create table maintenance_request_updates (
      id bigint generated always as identity primary key,
      organization_id uuid not null,
      request_id uuid not null,
      author_id uuid references users (id) on delete set null,
      kind text not null check (kind in ('status', 'shared')),
      status text check (status in ('new', 'in_progress', 'waiting', 'done')),
      shared_with uuid,
      created_at timestamptz not null default now(),
      check ((kind = 'status') = (status is not null)),
      check ((kind = 'shared') = (shared_with is not null)),
      foreign key (request_id, organization_id)
        references maintenance_requests (id, organization_id) on delete cascade,
      foreign key (shared_with, organization_id)
        references users (id, organization_id) on delete cascade
    );
    create index maintenance_request_updates_request_idx
      on maintenance_request_updates (request_id, id);
    create unique index maintenance_request_updates_share_key
      on maintenance_request_updates (request_id, shared_with) where kind = 'shared';
    create index maintenance_request_updates_shared_with_idx
      on maintenance_request_updates (shared_with) where kind = 'shared';

    alter table conversations add column replies_to uuid;
    alter table conversations add foreign key (replies_to, organization_id)
      references conversations (id, organization_id) on delete set null (replies_to);
    create unique index conversations_private_reply_key
      on conversations (replies_to, created_by) where replies_to is not null;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index conversations_private_reply_key;
    alter table conversations drop column replies_to;
    drop table maintenance_request_updates;
    drop index maintenance_requests_page_idx;
    create index maintenance_requests_org_idx on maintenance_requests (organization_id, created_at desc);
    alter table maintenance_requests drop constraint maintenance_requests_status_check;
    update maintenance_requests
      set status = case status when 'new' then 'open' when 'done' then 'closed'
        when 'waiting' then 'in_progress' else status end;
    alter table maintenance_requests
      alter column status set default 'open',
      add constraint maintenance_requests_status_check
        check (status in ('open', 'in_progress', 'closed'));
  `.execute(db);
}
