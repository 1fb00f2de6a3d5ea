/** @hearth/db: the database's types, connection, migrations and the lease-status rule. */

export type { Insertable, Kysely, RawBuilder, Selectable, Transaction, Updateable } from "kysely";
export { sql } from "kysely";
export {
  createDb,
  type DbHandle,
  type DbOptions,
  databaseUnavailableReason,
  type PoolStats,
  poolDefaults,
  type UnavailableReason,
} from "./connection";
export { type DevDatabase, openDevDatabase } from "./dev-database";
export { dataDir } from "./env";
export { bestLeaseStatus, isoDay, type LeaseStatus, leaseStatus } from "./lease-status";
export { migrateDownAll, migrateToLatest } from "./migrate";
export { hashPassword, verifyPassword } from "./password";
export * from "./schema";
