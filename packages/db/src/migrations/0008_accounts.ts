import { type Kysely, sql } from "kysely";

/**
 * Accounts: password reset by email, and names cleaned of bidi controls.
 *
 * - `password_reset_tokens`: a link's token is kept only as its SHA-256; a token is good once
 *   (`used_at`) and until `expires_at`.
 * - `password_reset_requests`: every "forgot password" request, known email or not, so requests
 *   are throttled per email and per address without telling which emails have accounts.
 * - Bidi embedding, override, isolate and mark characters are removed from names other people
 *   see, as the API now does on every write: names stored before it still had them. The set is
 *   copied here on purpose (a migration never imports today's code).
 */

/** LRM, RLM, ALM, LRE…RLO, LRI…PDI. */
const BIDI_CONTROLS = "[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]";

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table password_reset_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index password_reset_tokens_user_idx on password_reset_tokens (user_id);

    create table password_reset_requests (
      id bigint generated always as identity primary key,
      email text not null,
      ip text not null,
      created_at timestamptz not null default now()
    );
    create index password_reset_requests_email_idx on password_reset_requests (email, created_at desc);
    create index password_reset_requests_ip_idx on password_reset_requests (ip, created_at desc);
  `.execute(db);
  await cleanNames(db);
}

/** A cleaned name: controls removed, then trimmed; a name of nothing else becomes `fallback`. */
function cleaned(column: string, fallback: string) {
  return sql`coalesce(nullif(btrim(regexp_replace(${sql.ref(column)}, ${BIDI_CONTROLS}, '', 'g')), ''), ${fallback})`;
}

function hasControls(column: string) {
  return sql`${sql.ref(column)} ~ ${BIDI_CONTROLS}`;
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
async function cleanNames(db: Kysely<any>): Promise<void> {
  await sql`update users set display_name = ${cleaned("display_name", "Unnamed")}, updated_at = now()
    where ${hasControls("display_name")}`.execute(db);
  await sql`update organizations set name = ${cleaned("name", "Unnamed")}, updated_at = now()
    where ${hasControls("name")}`.execute(db);
  await sql`update properties set name = ${cleaned("name", "Unnamed")}
    where ${hasControls("name")}`.execute(db);
  await sql`update conversations set title = nullif(btrim(regexp_replace(title, ${BIDI_CONTROLS}, '', 'g')), '')
    where ${hasControls("title")}`.execute(db);
  // Unit names are unique per property: one that would become a neighbour's name (as it is, or
  // as it is cleaned here) keeps a tag of its id, so both stay and can be told apart.
  await sql`update units u set name = case
      when exists (
        select 1 from units other
        where other.property_id = u.property_id and other.id <> u.id
          and (other.name = ${cleaned("u.name", "Unit")}
            or (other.id < u.id and ${cleaned("other.name", "Unit")} = ${cleaned("u.name", "Unit")})))
        then left(${cleaned("u.name", "Unit")}, 90) || ' #' || left(u.id::text, 8)
      else ${cleaned("u.name", "Unit")}
    end
    where ${hasControls("u.name")}`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  // The names stay clean: the controls removed are not worth restoring.
  await sql`
    drop table if exists password_reset_requests;
    drop table if exists password_reset_tokens;
  `.execute(db);
}
