import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { registerPool } from "./pools";
import type { Database } from "./schema";

const INT8_OID = 20;
const DATE_OID = 1082;

/**
 * Type parsers for this pool only (never the process-global ones): int8 ids and counts as
 * numbers, and `date` columns as the `YYYY-MM-DD` text Postgres sends, so a lease day never
 * shifts with the server's timezone.
 */
const typeParsers = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8_OID) return (value: string) => Number(value);
    if (oid === DATE_OID) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** How busy a pool is right now, for health checks. */
export interface PoolStats {
  /** Connections open, lent out or idle. */
  total: number;
  idle: number;
  /** Callers queued for a connection. */
  waiting: number;
  max: number;
}

export interface DbOptions {
  /** Most connections the pool opens. */
  max?: number;
  /**
   * How long a caller waits for a connection (a free one, or a new one to open) before its query
   * fails with "timeout exceeded when trying to connect". 0 waits forever.
   */
  acquireTimeoutMs?: number;
  /** Postgres cancels a statement that runs longer. 0 leaves the server's setting (off by default). */
  statementTimeoutMs?: number;
  /**
   * Postgres ends a session that sits this long inside a transaction without running anything,
   * which frees its locks and its connection. 0 leaves the server's setting.
   */
  idleInTransactionTimeoutMs?: number;
  /**
   * Whether one query may use parallel workers. Off by default: requests are small, and starting
   * workers costs a request more (tens of milliseconds on a busy machine) than they save it.
   */
  parallelQuery?: boolean;
  /** A connection the pool holds was closed by the server (a restart, a failover, a timeout). */
  onIdleError?: (error: Error) => void;
}

/**
 * Request-serving values: a request waits at most a few seconds for a connection, and no
 * statement or abandoned transaction can hold one for long. Bulk work (migrations, the bench's
 * build) turns the statement timeout off.
 */
export const poolDefaults = {
  max: 10,
  acquireTimeoutMs: 5_000,
  statementTimeoutMs: 15_000,
  idleInTransactionTimeoutMs: 10_000,
} as const satisfies DbOptions;

export interface DbHandle {
  db: Kysely<Database>;
  pool: pg.Pool;
  stats(): PoolStats;
  /** Closes the pool. */
  destroy(): Promise<void>;
}

/** Opens a pool on `connectionString`. The caller owns the handle and destroys it. */
export function createDb(connectionString: string, options: DbOptions = {}): DbHandle {
  const max = options.max ?? poolDefaults.max;
  const pool = new pg.Pool({
    connectionString,
    max,
    types: typeParsers,
    connectionTimeoutMillis: options.acquireTimeoutMs ?? poolDefaults.acquireTimeoutMs,
    statement_timeout: options.statementTimeoutMs ?? poolDefaults.statementTimeoutMs,
    idle_in_transaction_session_timeout:
      options.idleInTransactionTimeoutMs ?? poolDefaults.idleInTransactionTimeoutMs,
    ...(options.parallelQuery ? {} : { options: "-c max_parallel_workers_per_gather=0" }),
  });
  // An idle client errors when the server closes its connection (a restart, a failover). The pool
  // drops that client and the next query connects again; queries in flight still reject to their
  // callers. Without a listener the error would end the process.
  pool.on("error", (error) => options.onIdleError?.(error));
  // The pool listens only to the clients it holds. A lent client whose session the server ends
  // between statements (idle in transaction too long) errors with no query to reject, which would
  // end the process; its next query rejects instead and the pool discards it on release.
  const lent = new WeakSet<pg.PoolClient>();
  pool.on("acquire", (client) => lent.add(client));
  pool.on("release", (_error, client) => lent.delete(client));
  pool.on("connect", (client) => {
    client.on("error", (error) => {
      // Reported once: the server's reason comes first, "Connection terminated" follows it.
      if (lent.delete(client)) options.onIdleError?.(error);
    });
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  registerPool(db, pool);
  return {
    db,
    pool,
    stats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max,
    }),
    destroy: () => db.destroy(),
  };
}

/** Why the database cannot serve a statement right now, where trying again later may work. */
export type UnavailableReason =
  | "pool_timeout"
  | "statement_timeout"
  | "idle_in_transaction_timeout"
  | "server_busy"
  | "connection_lost";

const sqlStateReasons: Record<string, UnavailableReason> = {
  "57014": "statement_timeout", // query_canceled: statement_timeout, or a cancel request
  "25P03": "idle_in_transaction_timeout",
  "53300": "server_busy", // too_many_connections
  "57P03": "server_busy", // cannot_connect_now: the server is starting or shutting down
  "57P01": "connection_lost", // admin_shutdown, also pg_terminate_backend
};

const messageReasons: [string, UnavailableReason][] = [
  ["timeout exceeded when trying to connect", "pool_timeout"],
  ["Connection terminated due to connection timeout", "pool_timeout"],
  ["Connection terminated unexpectedly", "connection_lost"],
  ["Client has encountered a connection error and is not queryable", "connection_lost"],
];

/**
 * The reason when `error` (or an error it wraps as `cause`) is the pool or the server refusing
 * for now rather than the statement being wrong; null for every other error.
 */
export function databaseUnavailableReason(error: unknown): UnavailableReason | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code in sqlStateReasons) return sqlStateReasons[code] ?? null;
    const match = messageReasons.find(([message]) => (current as Error).message === message);
    if (match) return match[1];
    current = current.cause;
  }
  return null;
}
