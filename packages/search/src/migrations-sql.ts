/**
 * Indexes that make the Postgres engine fast at scale, as SQL for the lead to add to the db
 * migrations (this package never migrates). Each expression matches the engine's query text
 * exactly, or Postgres will not use the index.
 */

/** Creates the search indexes. */
export const searchIndexesUp = `
create index if not exists messages_body_fts_idx
  on messages using gin (to_tsvector('english', body));
create index if not exists messages_body_trgm_idx
  on messages using gin (body gin_trgm_ops);
create index if not exists messages_conversation_created_idx
  on messages (conversation_id, created_at desc, id desc)
  where deleted_at is null and sent_at is not null;
`;

/** Drops them again. */
export const searchIndexesDown = `
drop index if exists messages_conversation_created_idx;
drop index if exists messages_body_trgm_idx;
drop index if exists messages_body_fts_idx;
`;
