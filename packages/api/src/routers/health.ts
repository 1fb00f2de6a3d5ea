import { type Database, databaseUnavailableReason, type Kysely, sql } from "@hearth/db";
import { publicProcedure, router } from "../trpc";

/** Longer than a healthy `select 1` ever takes, short enough for a load balancer's probe. */
const PROBE_TIMEOUT_MS = 1_000;

const probes = new WeakMap<Kysely<Database>, Promise<number>>();

/**
 * `select 1` through the pool, timed. Callers share the probe in flight: health checks polled
 * while the pool is starved then queue one request for a connection, not one per poll.
 */
function probe(db: Kysely<Database>): Promise<number> {
  const running = probes.get(db);
  if (running) return running;
  const started = performance.now();
  const next = sql`select 1`
    .execute(db)
    .then(() => Math.round(performance.now() - started))
    .finally(() => probes.delete(db));
  probes.set(db, next);
  return next;
}

type DatabaseCheck =
  | { database: "up"; databaseMs: number }
  | { database: "busy" | "down"; databaseMs: null };

async function checkDatabase(db: Kysely<Database>): Promise<DatabaseCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), PROBE_TIMEOUT_MS);
  });
  try {
    const ms = await Promise.race([probe(db), timedOut]);
    return ms === "timeout"
      ? { database: "busy", databaseMs: null }
      : { database: "up", databaseMs: ms };
  } catch (error) {
    return {
      database: databaseUnavailableReason(error) === "pool_timeout" ? "busy" : "down",
      databaseMs: null,
    };
  } finally {
    clearTimeout(timer);
  }
}

export const healthRouter = router({
  /**
   * The process's health within about a second: "ok" once the database answers through the pool,
   * "degraded" when no connection came in time (a starved pool: see `pool.waiting`), "unavailable"
   * when the database refuses. Never throws for the database's sake.
   */
  check: publicProcedure.query(async ({ ctx }) => {
    const database = await checkDatabase(ctx.db);
    return {
      status:
        database.database === "up"
          ? ("ok" as const)
          : database.database === "busy"
            ? ("degraded" as const)
            : ("unavailable" as const),
      ...database,
      pool: ctx.poolStats?.() ?? null,
      live: ctx.live.stats(),
      search: ctx.search.kind,
    };
  }),
});
