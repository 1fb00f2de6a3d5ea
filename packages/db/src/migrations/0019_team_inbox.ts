import { type Kysely, sql } from "kysely";

/**
 * The shared team inbox.
 *
 * - `conversations.assignee_id` / `assigned_at`: the manager handling a conversation, and since
 *   when. `closed_at` / `closed_by`: handled; any new message reopens it.
 * - `conversation_participants.watching`: a manager who joined by opening the conversation from the
 *   team inbox (or being assigned it) without having written in it. Residents don't see watchers
 *   among the conversation's people; writing makes them an ordinary participant.
 * - `conversation_notes`: internal notes, in a table of their own so that the messages' readers
 *   (threads, search, previews, counters, notifications, exports) cannot show them by mistake.
 * - One index per team view, each in the page's order (last activity, then id), over the kinds
 *   the team handles (`teamConversationKinds` in packages/policies).
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table conversations
      add column assignee_id uuid,
      add column assigned_at timestamptz,
      add column closed_at timestamptz,
      add column closed_by uuid references users (id) on delete set null,
      add constraint conversations_assignee_fkey foreign key (assignee_id, organization_id)
        references users (id, organization_id) on delete set null (assignee_id);

    alter table conversation_participants add column watching boolean not null default false;

    create table conversation_notes (
      id bigint generated always as identity primary key,
      organization_id uuid not null references organizations (id) on delete cascade,
      conversation_id uuid not null,
      author_id uuid,
      client_id text not null check (length(client_id) between 8 and 100),
      body text not null check (length(body) between 1 and 20000),
      created_at timestamptz not null default now(),
      foreign key (conversation_id, organization_id)
        references conversations (id, organization_id) on delete cascade,
      foreign key (author_id, organization_id)
        references users (id, organization_id) on delete set null (author_id),
      unique (author_id, client_id)
    );
    create index conversation_notes_thread_idx on conversation_notes (conversation_id, id);

    create index conversations_team_open_idx
      on conversations (organization_id, last_message_at desc, id desc)
      where closed_at is null and kind in ('direct', 'unit_group', 'maintenance');
    create index conversations_team_unassigned_idx
      on conversations (organization_id, last_message_at desc, id desc)
      where closed_at is null and assignee_id is null
        and kind in ('direct', 'unit_group', 'maintenance');
    create index conversations_team_assigned_idx
      on conversations (assignee_id, last_message_at desc, id desc)
      where closed_at is null and assignee_id is not null;
    create index conversations_team_closed_idx
      on conversations (organization_id, last_message_at desc, id desc)
      where closed_at is not null and kind in ('direct', 'unit_group', 'maintenance');
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table if exists conversation_notes;
    drop index if exists conversations_team_open_idx;
    drop index if exists conversations_team_unassigned_idx;
    drop index if exists conversations_team_assigned_idx;
    drop index if exists conversations_team_closed_idx;
    alter table conversation_participants drop column if exists watching;
    alter table conversations
      drop constraint if exists conversations_assignee_fkey,
      drop column if exists assignee_id,
      drop column if exists assigned_at,
      drop column if exists closed_at,
      drop column if exists closed_by;
  `.execute(db);
}
