import type { Kysely } from "kysely";
import type pg from "pg";
import type { Database } from "./schema";

const pools = new WeakMap<Kysely<Database>, pg.Pool>();

/** Remembers the pool behind a Kysely that createDb made. */
export function registerPool(db: Kysely<Database>, pool: pg.Pool): void {
  pools.set(db, pool);
}

/**
 * The pg pool behind a Kysely that createDb made, for tools that speak to pg themselves
 * (graphile-worker's migrations); undefined for any other Kysely.
 */
export function poolOf(db: Kysely<Database>): pg.Pool | undefined {
  return pools.get(db);
}
