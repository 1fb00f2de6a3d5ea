import { type Kysely, sql } from "kysely";

/**
 * The live event log, the email outbox and optimistic versions of organization settings.
 *
 * `live_events.xid` is the writing transaction's full id (xid8). Readers take events only below
 * the oldest transaction still running (`pg_snapshot_xmin(pg_current_snapshot())`), so an event
 * is read once its transaction and every older one have finished: nothing committed later can
 * appear behind a reader's position (see packages/api/src/realtime/event-log.ts).
 *
 * `worker_heartbeats` has one row per running graphile-worker worker, beaten by its process, so a
 * worker that died mid-job has its jobs unlocked within a minute rather than graphile-worker's
 * four hours (see packages/api/src/jobs/heartbeat.ts).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table live_events (
      id bigint generated always as identity,
      xid xid8 not null default pg_current_xact_id(),
      organization_id uuid not null references organizations (id) on delete cascade,
      conversation_id uuid,
      recipients uuid[] not null,
      payload jsonb not null,
      created_at timestamptz not null default now(),
      primary key (xid, id)
    );
    create index live_events_recipients_idx on live_events using gin (recipients);
    create index live_events_created_idx on live_events (created_at);

    create table outbound_emails (
      id bigint generated always as identity primary key,
      organization_id uuid references organizations (id) on delete cascade,
      dedupe_key text not null unique,
      recipient text not null,
      subject text not null,
      body text not null,
      created_at timestamptz not null default now(),
      attempts integer not null default 0,
      last_error text,
      sent_at timestamptz
    );

    alter table dev_mailbox add column idempotency_key text;
    create unique index dev_mailbox_idempotency_key on dev_mailbox (idempotency_key);

    create table worker_heartbeats (
      worker_id text primary key,
      process text not null,
      started_at timestamptz not null default now(),
      beat_at timestamptz not null default now()
    );

    alter table organizations add column settings_version integer not null default 1;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table organizations drop column if exists settings_version;
    drop index if exists dev_mailbox_idempotency_key;
    alter table dev_mailbox drop column if exists idempotency_key;
    drop table if exists worker_heartbeats, outbound_emails, live_events;
  `.execute(db);
}
