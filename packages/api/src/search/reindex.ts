/**
 * Rebuilds the search index from Postgres: every message id from the first to the last, a
 * range at a time, each range synced as the indexer syncs (readable messages indexed, the rest
 * removed). Each range holds the sync lock, so the indexer's batches and the rebuild's ranges
 * never overlap and the product can keep serving and writing meanwhile: a change made during the
 * rebuild is either read by its range or queued for the indexer after it.
 */
import { type Database, type Kysely, sql } from "@hearth/db";
import { type SearchEngine, syncMessages } from "@hearth/search";
import { withSyncLock } from "./indexer";

export interface ReindexProgress {
  /** Ids covered so far, of `total`. */
  done: number;
  total: number;
  indexed: number;
  removed: number;
}

export interface ReindexOptions {
  batchSize?: number;
  onProgress?: (progress: ReindexProgress) => void;
  /** Wait between tries while the indexer holds the sync lock. */
  lockRetryMs?: number;
}

async function idRange(db: Kysely<Database>) {
  const row = await db
    .selectFrom("messages")
    .select([sql<string | null>`min(id)`.as("first"), sql<string | null>`max(id)`.as("last")])
    .executeTakeFirstOrThrow();
  return row.first === null || row.last === null
    ? null
    : { first: Number(row.first), last: Number(row.last) };
}

export async function reindexAll(
  db: Kysely<Database>,
  engine: SearchEngine,
  options: ReindexOptions = {},
): Promise<ReindexProgress> {
  const batchSize = options.batchSize ?? 1000;
  await engine.prepare();
  const range = await idRange(db);
  const progress: ReindexProgress = {
    done: 0,
    total: range ? range.last - range.first + 1 : 0,
    indexed: 0,
    removed: 0,
  };
  options.onProgress?.(progress);
  if (!range) return progress;
  for (let start = range.first; start <= range.last; start += batchSize) {
    const ids = Array.from(
      { length: Math.min(batchSize, range.last - start + 1) },
      (_, i) => start + i,
    );
    for (;;) {
      const synced = await withSyncLock(db, () => syncMessages(db, engine, ids));
      if (synced) {
        progress.indexed += synced.indexed;
        progress.removed += synced.removed;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, options.lockRetryMs ?? 50));
    }
    progress.done += ids.length;
    options.onProgress?.(progress);
  }
  return progress;
}
