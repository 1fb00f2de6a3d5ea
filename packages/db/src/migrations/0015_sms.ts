import { type Kysely, sql } from "kysely";

/**
 * SMS notifications, the consent ledger and the SMS outbox (issue 11).
 *
 * - `user_settings` gains the person's mobile number (E.164) beside their SMS switch (`notify_sms`,
 *   off until they turn it on) and `sms_stopped_at`: set when the number texted STOP (or the like), cleared by START. While set,
 *   nothing but the confirmation of that STOP is texted to the person.
 * - `sms_consents`: per person and category (emergency / operational / marketing), whether they
 *   agreed to texts; no row is no consent.
 * - `sms_consent_ledger`: every opt-in and opt-out, append-only, with its time, its source (the
 *   settings page, a reply by text) and what was said: the record a carrier or a court asks for.
 * - `outbound_sms`: the SMS outbox and its delivery log. A row is written with its `deliver_sms`
 *   job in one transaction; its `dedupe_key` (per message and person, per inbound reply) makes it
 *   exactly once. `fallback_email_id` is the email sent when the text could not be.
 * - A statement-level trigger adds the `send_sms` job (job key `sms:<message>`) in the
 *   transaction that sends a message, only when someone else in the conversation has a number
 *   and has not texted STOP: no write path can forget it, and other sends pay one index probe.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table user_settings
      add column sms_phone text check (sms_phone ~ '^\\+[1-9][0-9]{6,14}$'),
      add column sms_stopped_at timestamptz;
    create index user_settings_sms_phone_idx on user_settings (sms_phone)
      where sms_phone is not null;

    create table sms_consents (
      organization_id uuid not null,
      user_id uuid not null,
      category text not null check (category in ('emergency', 'operational', 'marketing')),
      granted boolean not null,
      updated_at timestamptz not null default now(),
      primary key (user_id, category),
      foreign key (user_id, organization_id) references users (id, organization_id) on delete cascade
    );

    create table sms_consent_ledger (
      id bigint generated always as identity primary key,
      organization_id uuid not null,
      user_id uuid not null,
      phone text not null,
      -- Null: every category at once (STOP, START).
      category text check (category in ('emergency', 'operational', 'marketing')),
      action text not null check (action in ('opt_in', 'opt_out')),
      source text not null check (source in ('settings', 'sms_reply')),
      detail text check (length(detail) <= 1600),
      created_at timestamptz not null default now(),
      foreign key (user_id, organization_id) references users (id, organization_id) on delete cascade
    );
    create index sms_consent_ledger_user_idx on sms_consent_ledger (user_id, id desc);

    create table outbound_sms (
      id bigint generated always as identity primary key,
      organization_id uuid not null references organizations (id) on delete cascade,
      user_id uuid,
      message_id bigint references messages (id) on delete cascade,
      purpose text not null check (purpose in ('notification', 'reply')),
      dedupe_key text not null unique,
      recipient text not null,
      body text not null check (length(body) <= 1600),
      status text not null default 'queued' check (status in ('queued', 'sent', 'failed', 'cancelled')),
      attempts integer not null default 0,
      last_error text,
      provider_id text,
      fallback_email_id bigint,
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      unique (id, organization_id),
      foreign key (user_id, organization_id) references users (id, organization_id) on delete cascade
    );
    create index outbound_sms_message_idx on outbound_sms (message_id) where message_id is not null;

    create function sms_job_for_inserted_messages() returns trigger language plpgsql as $$
    begin
      perform graphile_worker.add_job('send_sms', json_build_object('messageId', m.id),
          job_key => 'sms:' || m.id, max_attempts => 8)
        from inserted m
        where m.sent_at is not null and m.deleted_at is null and exists (
          select 1 from conversation_participants p
          join user_settings s on s.user_id = p.user_id
          where p.conversation_id = m.conversation_id
            and p.user_id is distinct from m.sender_id
            and s.sms_phone is not null and s.sms_stopped_at is null);
      return null;
    end $$;

    create function sms_job_for_sent_messages() returns trigger language plpgsql as $$
    begin
      perform graphile_worker.add_job('send_sms', json_build_object('messageId', n.id),
          job_key => 'sms:' || n.id, max_attempts => 8)
        from updated n join previous o on o.id = n.id
        where o.sent_at is null and n.sent_at is not null and n.deleted_at is null and exists (
          select 1 from conversation_participants p
          join user_settings s on s.user_id = p.user_id
          where p.conversation_id = n.conversation_id
            and p.user_id is distinct from n.sender_id
            and s.sms_phone is not null and s.sms_stopped_at is null);
      return null;
    end $$;

    create trigger messages_sms_insert after insert on messages
      referencing new table as inserted
      for each statement execute function sms_job_for_inserted_messages();
    create trigger messages_sms_update after update on messages
      referencing old table as previous new table as updated
      for each statement execute function sms_job_for_sent_messages();
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop trigger if exists messages_sms_update on messages;
    drop trigger if exists messages_sms_insert on messages;
    drop function if exists sms_job_for_sent_messages();
    drop function if exists sms_job_for_inserted_messages();
    drop table if exists outbound_sms;
    drop table if exists sms_consent_ledger;
    drop table if exists sms_consents;
    drop index if exists user_settings_sms_phone_idx;
    alter table user_settings
      drop column if exists sms_stopped_at,
      drop column if exists sms_phone;
  `.execute(db);
}
