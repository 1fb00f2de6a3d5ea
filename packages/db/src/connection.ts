import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
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

export interface DbHandle {
  db: Kysely<Database>;
  pool: pg.Pool;
  /** Closes the pool. */
  destroy(): Promise<void>;
}

/** Opens a pool on `connectionString`. The caller owns the handle and destroys it. */
export function createDb(
  connectionString: string,
  options: { max?: number; onIdleError?: (error: Error) => void } = {},
): DbHandle {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, types: typeParsers });
  // An idle client errors when the server closes its connection (a restart, a failover). The pool
  // drops that client and the next query connects again; queries in flight still reject to their
  // callers. Without a listener the error would end the process.
  pool.on("error", (error) => options.onIdleError?.(error));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, destroy: () => db.destroy() };
}
