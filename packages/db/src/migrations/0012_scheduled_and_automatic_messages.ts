import { type Kysely, sql } from "kysely";

/**
 * Scheduled send and auto-responses (issue 12).
 *
 * - `messages.schedule_refusal`: why a scheduled message was not sent when its time came (the
 *   policy refused it then); such a message stays unsent and visible to its sender only.
 * - `messages.automatic`: an auto-response, which is never answered by another one.
 * - `messages.signature`: the sender's signature as it was when the message went, kept apart
 *   from the body so it is shown distinctly (and not searched).
 * - `messages_unsent_idx`: each sender's scheduled messages, for the "Scheduled" view.
 * - `organizations.holidays`: ISO days on which the organization is closed all day.
 * - `user_settings.vacation_*`: a person's vacation reply and when it applies.
 * - `auto_responses`: one row per conversation, responder and period, so a reply goes out once.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table messages
      add column schedule_refusal text,
      add column automatic boolean not null default false,
      add column signature text;
    create index messages_unsent_idx on messages (sender_id, scheduled_for)
      where sent_at is null;
    alter table organizations add column holidays jsonb not null default '[]'::jsonb;
    alter table user_settings
      add column vacation_starts_at timestamptz,
      add column vacation_ends_at timestamptz,
      add column vacation_body text,
      add constraint user_settings_vacation_order
        check (vacation_ends_at is null or vacation_starts_at is null
          or vacation_ends_at > vacation_starts_at);
    -- The few people with an auto-response, looked up on every send (writeMessage).
    create index user_settings_auto_response_idx on user_settings (organization_id, user_id)
      where auto_response_enabled or vacation_ends_at is not null;
    create table auto_responses (
      organization_id uuid not null references organizations (id) on delete cascade,
      conversation_id uuid not null,
      responder_id uuid not null,
      period text not null,
      created_at timestamptz not null default now(),
      primary key (conversation_id, responder_id, period),
      foreign key (conversation_id, organization_id)
        references conversations (id, organization_id) on delete cascade,
      foreign key (responder_id, organization_id)
        references users (id, organization_id) on delete cascade
    );
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table if exists auto_responses;
    drop index if exists user_settings_auto_response_idx;
    alter table user_settings
      drop constraint if exists user_settings_vacation_order,
      drop column vacation_body,
      drop column vacation_ends_at,
      drop column vacation_starts_at;
    alter table organizations drop column holidays;
    drop index if exists messages_unsent_idx;
    alter table messages
      drop column signature, drop column automatic, drop column schedule_refusal;
  `.execute(db);
}
