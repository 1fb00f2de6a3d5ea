import { hostname } from "node:os";
import { type Database, type Kysely, sql } from "@hearth/db";
import type { Logger } from "../logger";

/**
 * graphile-worker (0.16) frees a job whose worker died only once it has been locked for four hours,
 * and offers `force_unlock_workers(worker_ids)` to do it sooner for workers known to be dead. Each
 * worker process says its workers live in `worker_heartbeats`; any process unlocks the jobs of
 * workers whose heartbeat went stale. Unlocking a worker that only paused can run its job twice at
 * once, which jobs tolerate because each is idempotent.
 */
export interface HeartbeatTiming {
  /** How often a process beats for its workers and looks for dead ones. */
  intervalMs: number;
  /** A worker whose heartbeat is this old is dead. Several intervals, so a busy process survives. */
  staleAfterMs: number;
}

export const heartbeatDefaults: HeartbeatTiming = { intervalMs: 10_000, staleAfterMs: 60_000 };

/** Records that these workers live; a worker swept as dead while it only paused comes back. */
export async function beat(
  db: Kysely<Database>,
  workerIds: readonly string[],
  processName: string,
): Promise<void> {
  if (workerIds.length === 0) return;
  await db
    .insertInto("worker_heartbeats")
    .values(workerIds.map((workerId) => ({ worker_id: workerId, process: processName })))
    .onConflict((oc) => oc.column("worker_id").doUpdateSet({ beat_at: sql`now()` }))
    .execute();
}

/** Forgets the workers whose heartbeat is stale and unlocks their jobs; returns their ids. */
export async function unlockDeadWorkers(
  db: Kysely<Database>,
  staleAfterMs: number,
): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const dead = await trx
      .deleteFrom("worker_heartbeats")
      .where("beat_at", "<", sql<Date>`now() - ${staleAfterMs}::int * interval '1 millisecond'`)
      .returning("worker_id")
      .execute();
    const ids = dead.map((row) => row.worker_id);
    if (ids.length > 0)
      await sql`select graphile_worker.force_unlock_workers(${ids}::text[])`.execute(trx);
    return ids;
  });
}

export interface Heartbeat {
  /** Call when a worker starts, before it takes a job. */
  register(workerId: string): Promise<void>;
  /** Stops beating and removes this process's workers (they stopped cleanly). */
  stop(): Promise<void>;
}

/** Sweeps dead workers now (resolving after), then beats and sweeps every `intervalMs`. */
export async function startHeartbeat(
  db: Kysely<Database>,
  timing: HeartbeatTiming,
  logger: Logger,
): Promise<Heartbeat> {
  const processName = `${hostname()}:${process.pid}`;
  const workerIds = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const tick = async () => {
    try {
      await beat(db, [...workerIds], processName);
      const unlocked = await unlockDeadWorkers(db, timing.staleAfterMs);
      if (unlocked.length > 0)
        logger.warn({ workers: unlocked }, "unlocked the jobs of workers that stopped beating");
    } catch (error) {
      if (!stopped) logger.warn({ err: error }, "worker heartbeat failed");
    }
  };
  let running = tick();
  await running;
  const schedule = () => {
    timer = setTimeout(() => {
      running = tick().then(() => {
        if (!stopped) schedule();
      });
    }, timing.intervalMs);
    timer.unref();
  };
  schedule();

  return {
    async register(workerId) {
      workerIds.add(workerId);
      await beat(db, [workerId], processName);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      if (workerIds.size === 0) return;
      await db
        .deleteFrom("worker_heartbeats")
        .where("worker_id", "in", [...workerIds])
        .execute()
        .catch(() => {
          // Stopping with the database already gone: the rows go stale and the next sweep drops them.
        });
    },
  };
}
