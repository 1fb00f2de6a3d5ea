import { type Kysely, sql } from "kysely";

/**
 * Optional TOTP two-factor sign-in. `totp_secret` is the base32 secret (null: none); it is in
 * force once `totp_enabled_at` is set. `totp_last_step` is the newest 30-second step a code was
 * accepted for: a code is good once, and only a later step's code is accepted after it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table users
      add column totp_secret text,
      add column totp_enabled_at timestamptz,
      add column totp_last_step integer,
      add constraint users_totp_enabled_has_secret
        check (totp_enabled_at is null or totp_secret is not null);
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table users
      drop constraint if exists users_totp_enabled_has_secret,
      drop column if exists totp_last_step,
      drop column if exists totp_enabled_at,
      drop column if exists totp_secret;
  `.execute(db);
}
