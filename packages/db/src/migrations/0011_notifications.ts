import { type Kysely, sql } from "kysely";

/**
 * Notifications as each person prefers (issue 11).
 *
 * - `user_settings` gains the preferences: per kind and channel off-switches (`notification_kinds`,
 *   `{ "broadcast": { "email": false } }`; absent means on), quiet hours as local "HH:MM" in the
 *   person's time zone, the email delay, the optional sound, and when the bell was last opened.
 * - `email_notification_queue`: every sent message, queued by a trigger in the transaction that
 *   sends it (no write path can forget, and the send pays one narrow insert). The digest job
 *   drains it: who has not read the message after their delay gets one email for all of them.
 * - `email_notification_digests`: which person the digest job has dealt with for which message
 *   (emailed or not), in the transaction that queues the email: a digest is written exactly once.
 * - `organizations.notification_reply_to`: where replies to notification emails go (seed 003's
 *   "General inbox"); unset, the account owner's address.
 * - `signing_keys`: secrets generated on first migration and kept, for unsubscribe links.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table user_settings
      add column notification_kinds jsonb not null default '{}'::jsonb,
      add column quiet_hours_start text
        check (quiet_hours_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      add column quiet_hours_end text
        check (quiet_hours_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      add column email_delay_minutes integer not null default 5
        check (email_delay_minutes between 1 and 1440),
      add column notification_sound boolean not null default false,
      add column notifications_seen_at timestamptz;

    alter table organizations add column notification_reply_to text;

    alter table outbound_emails
      add column from_name text,
      add column reply_to text,
      add column headers jsonb not null default '{}'::jsonb;
    alter table dev_mailbox add column headers jsonb not null default '{}'::jsonb;

    create table email_notification_queue (
      message_id bigint primary key references messages (id) on delete cascade,
      queued_at timestamptz not null default now()
    );
    create index email_notification_queue_queued_idx on email_notification_queue (queued_at);

    create table email_notification_digests (
      user_id uuid not null references users (id) on delete cascade,
      message_id bigint not null references messages (id) on delete cascade,
      -- False: dealt with without an email (the person or the policy has email off for it).
      emailed boolean not null,
      primary key (user_id, message_id)
    );
    create index email_notification_digests_message_idx on email_notification_digests (message_id);

    create table signing_keys (
      name text primary key,
      secret text not null,
      created_at timestamptz not null default now()
    );
    insert into signing_keys (name, secret) values ('unsubscribe',
      encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex'));

    create function email_queue_inserted_messages() returns trigger language plpgsql as $$
    begin
      insert into email_notification_queue (message_id)
        select id from inserted where sent_at is not null and deleted_at is null;
      return null;
    end $$;

    create function email_queue_sent_messages() returns trigger language plpgsql as $$
    begin
      insert into email_notification_queue (message_id)
        select n.id from updated n join previous o on o.id = n.id
        where o.sent_at is null and n.sent_at is not null and n.deleted_at is null
        on conflict (message_id) do nothing;
      return null;
    end $$;

    create trigger messages_email_queue_insert after insert on messages
      referencing new table as inserted
      for each statement execute function email_queue_inserted_messages();
    create trigger messages_email_queue_update after update on messages
      referencing old table as previous new table as updated
      for each statement execute function email_queue_sent_messages();
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop trigger if exists messages_email_queue_update on messages;
    drop trigger if exists messages_email_queue_insert on messages;
    drop function if exists email_queue_sent_messages();
    drop function if exists email_queue_inserted_messages();
    drop table if exists signing_keys;
    drop table if exists email_notification_digests;
    drop table if exists email_notification_queue;
    alter table dev_mailbox drop column if exists headers;
    alter table outbound_emails
      drop column if exists headers,
      drop column if exists reply_to,
      drop column if exists from_name;
    alter table organizations drop column if exists notification_reply_to;
    alter table user_settings
      drop column if exists notifications_seen_at,
      drop column if exists notification_sound,
      drop column if exists email_delay_minutes,
      drop column if exists quiet_hours_end,
      drop column if exists quiet_hours_start,
      drop column if exists notification_kinds;
  `.execute(db);
}
