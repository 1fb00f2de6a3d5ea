import { type Kysely, sql } from "kysely";

/**
 * The board's moderation and search (issue 13).
 *
 * - `board_posts.pinned_at`: a pinned post is listed before the others.
 * - `board_posts.awaiting_approval`: a resident's post that a manager has not approved yet; only
 *   its author and the managers see it.
 * - `board_comments.hidden_at`: a comment a manager hid; residents no longer see it, the audit log
 *   says who hid it.
 * - A GIN index on the posts' words for the board's search box. The expression must stay the one
 *   the API's query uses, or Postgres will not use the index.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table board_posts
      add column pinned_at timestamptz,
      add column awaiting_approval boolean not null default false;
    alter table board_comments add column hidden_at timestamptz;
    create index board_posts_words_idx on board_posts
      using gin (to_tsvector('simple', title || ' ' || body));
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index if exists board_posts_words_idx;
    alter table board_comments drop column hidden_at;
    alter table board_posts drop column awaiting_approval, drop column pinned_at;
  `.execute(db);
}
