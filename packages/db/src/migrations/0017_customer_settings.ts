import { type Kysely, sql } from "kysely";

/**
 * The customer's own settings (issue 12).
 *
 * - `organizations.customer_settings`: the knobs the account owner (or a sub-user allowed to)
 *   chose on their Settings page, kept apart from the operator's `policy_overrides` so both are
 *   seen for what they are; the operator's override of a knob wins. Saves move the same
 *   `settings_version` as the operator's, so either side's stale form is refused.
 * - `organizations.mode_fixed_by_operator`: the operator set the landlord / property-manager mode
 *   and the customer may not change it on their page until the operator lets go.
 * - `scheduled_broadcasts`: a broadcast waiting for its time, with its audience as the composer
 *   chose it (resolved again, and the policy asked again, when it goes). `client_id` becomes the
 *   broadcast's client id, on which sending is idempotent, so it goes once. `status` moves from
 *   scheduled to sending (no more edits) to sent, or to refused with the reason; a cancelled one
 *   is deleted.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table organizations
      add column customer_settings jsonb not null default '{}'::jsonb
        check (jsonb_typeof(customer_settings) = 'object'),
      add column mode_fixed_by_operator boolean not null default false;

    create table scheduled_broadcasts (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organizations (id) on delete cascade,
      author_id uuid not null,
      client_id text not null,
      audience jsonb not null check (jsonb_typeof(audience) = 'object'),
      body text not null,
      type text not null,
      copy_to_email boolean not null default false,
      send_at timestamptz not null,
      status text not null default 'scheduled'
        check (status in ('scheduled', 'sending', 'sent', 'refused')),
      refusal text,
      conversation_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (id, organization_id),
      unique (organization_id, author_id, client_id),
      foreign key (author_id, organization_id)
        references users (id, organization_id) on delete cascade,
      foreign key (conversation_id, organization_id)
        references conversations (id, organization_id) on delete set null (conversation_id)
    );
    -- Each author's waiting broadcasts, soonest first, for the Scheduled view.
    create index scheduled_broadcasts_waiting_idx on scheduled_broadcasts (author_id, send_at)
      where status in ('scheduled', 'sending', 'refused');
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table if exists scheduled_broadcasts;
    alter table organizations drop column customer_settings, drop column mode_fixed_by_operator;
  `.execute(db);
}
