/**
 * The search indexer: drains the search outbox into the engine. Each sync re-reads the messages
 * from the database and writes what it read, so only one sync may run at a time across every
 * process: two overlapping syncs of one message could land in the engine in the opposite order
 * of their reads and leave a deleted message searchable. A session advisory lock makes the
 * drainer (and the reindex) exclusive; it is released when its connection ends, so a process
 * killed mid-sync never blocks the others.
 */
import { type Database, type Kysely, sql } from "@hearth/db";
import { type SearchEngine, syncMessages } from "@hearth/search";
import type { Logger } from "../logger";
import {
  claimDueChanges,
  completeChanges,
  messageIdsOf,
  postponeChanges,
  type QueuedChange,
} from "./queue";

const SYNC_LOCK = sql`hashtextextended('search:sync', 0)`;

/**
 * Runs `work` holding the cluster-wide sync lock; resolves to null at once when another process
 * holds it.
 */
export async function withSyncLock<T>(
  db: Kysely<Database>,
  work: () => Promise<T>,
): Promise<T | null> {
  return db.connection().execute(async (connection) => {
    const { rows } = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_lock(${SYNC_LOCK}) as locked`.execute(connection);
    if (!rows[0]?.locked) return null;
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${SYNC_LOCK})`.execute(connection);
    }
  });
}

export interface DrainOptions {
  /** Queue rows per batch. */
  batchSize: number;
  /** How long a claimed batch stays invisible to other drainers before it is due again. */
  claimMs: number;
}

export const drainDefaults: DrainOptions = { batchSize: 500, claimMs: 60_000 };

export type DrainResult =
  | { state: "busy" }
  | { state: "synced"; changes: number; messages: number }
  | { state: "failed"; changes: number; error: string };

async function syncChanges(
  db: Kysely<Database>,
  engine: SearchEngine,
  changes: QueuedChange[],
): Promise<DrainResult> {
  // The Postgres engine reads the tables themselves: there is nothing to bring in line.
  if (engine.kind === "postgres") {
    await completeChanges(db, changes);
    return { state: "synced", changes: changes.length, messages: 0 };
  }
  try {
    const ids = await messageIdsOf(db, changes);
    await syncMessages(db, engine, ids);
    await completeChanges(db, changes);
    return { state: "synced", changes: changes.length, messages: ids.length };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await postponeChanges(db, changes, message);
    return { state: "failed", changes: changes.length, error: message };
  }
}

/** One batch of the queue into the engine; "busy" when another process is syncing. */
export async function drainOnce(
  db: Kysely<Database>,
  engine: SearchEngine,
  options: DrainOptions = drainDefaults,
): Promise<DrainResult> {
  const result = await withSyncLock(db, async () => {
    const changes = await claimDueChanges(db, options.batchSize, options.claimMs);
    if (changes.length === 0) return { state: "synced" as const, changes: 0, messages: 0 };
    return syncChanges(db, engine, changes);
  });
  return result ?? { state: "busy" };
}

export interface IndexerTiming {
  /** Pause after finding the queue empty (or another process syncing). */
  idleMs: number;
  /** Pause after a failed sync, before looking again (the failed rows wait their own back-off). */
  failureMs: number;
}

export const indexerDefaults: IndexerTiming = { idleMs: 200, failureMs: 1000 };

export interface SearchIndexer {
  stop(): Promise<void>;
}

/** Drains the queue until stopped: at once while there is work, every `idleMs` when idle. */
export function startSearchIndexer(
  db: Kysely<Database>,
  engine: SearchEngine,
  logger: Logger,
  timing: IndexerTiming = indexerDefaults,
  options: DrainOptions = drainDefaults,
): SearchIndexer {
  const log = logger.child({ component: "search-indexer", engine: engine.kind });
  let stopped = false;
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function prepare() {
    while (!stopped) {
      try {
        await engine.prepare();
        return;
      } catch (error) {
        log.warn({ err: error }, "search engine not ready; trying again");
        await pause(timing.failureMs * 5);
      }
    }
  }

  const loop = (async () => {
    await prepare();
    let failing = false;
    while (!stopped) {
      let result: DrainResult;
      try {
        result = await drainOnce(db, engine, options);
      } catch (error) {
        // The database itself: the rows are safe in it; look again shortly.
        log.warn({ err: error }, "search queue unreachable");
        await pause(timing.failureMs);
        continue;
      }
      if (result.state === "failed") {
        if (!failing) log.warn({ error: result.error }, "search sync failed; will retry");
        failing = true;
        await pause(timing.failureMs);
      } else if (result.state === "busy" || result.changes < options.batchSize) {
        if (failing && result.state === "synced" && result.changes > 0) {
          log.info("search sync recovered");
          failing = false;
        }
        await pause(timing.idleMs);
      }
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
