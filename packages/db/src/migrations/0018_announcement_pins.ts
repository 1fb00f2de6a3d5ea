import { type Kysely, sql } from "kysely";

/**
 * Announcements pinned to the top of their recipients' inboxes, and announcements that expire.
 *
 * - `conversations.pinned_until`: pinned while now is before it; unpinning clears it.
 * - `conversations.expires_at`: from then on the announcement leaves its recipients' inbox lists
 *   (opened directly, it says it expired).
 * Both belong to broadcasts only, and a pin never outlasts the announcement.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table conversations
      add column pinned_until timestamptz,
      add column expires_at timestamptz,
      add constraint conversations_pins_on_broadcasts check (
        kind = 'broadcast' or (pinned_until is null and expires_at is null)),
      add constraint conversations_pin_within_life check (
        pinned_until is null or expires_at is null or pinned_until <= expires_at);
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table conversations
      drop constraint if exists conversations_pin_within_life,
      drop constraint if exists conversations_pins_on_broadcasts,
      drop column if exists pinned_until,
      drop column if exists expires_at;
  `.execute(db);
}
