import { type Kysely, sql } from "kysely";

/** Indexes behind the Postgres search engine (packages/search): full text, substrings, recency. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index messages_body_fts_idx on messages using gin (to_tsvector('english', body));
    create index messages_body_trgm_idx on messages using gin (body gin_trgm_ops);
    create index messages_conversation_created_idx
      on messages (conversation_id, created_at desc, id desc) where deleted_at is null and sent_at is not null;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index if exists messages_conversation_created_idx;
    drop index if exists messages_body_trgm_idx;
    drop index if exists messages_body_fts_idx;
  `.execute(db);
}
