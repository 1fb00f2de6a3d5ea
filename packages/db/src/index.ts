/** @hearth/db: the database's types, connection, migrations and the lease-status rule. */
export * from "./schema";
export { createDb, type DbHandle } from "./connection";
export { migrateToLatest, migrateDownAll } from "./migrate";
export { leaseStatus, bestLeaseStatus, isoDay, type LeaseStatus } from "./lease-status";
export { hashPassword, verifyPassword } from "./password";
export { openDevDatabase, type DevDatabase } from "./dev-database";
export { sql } from "kysely";
export type { Kysely, Transaction, Selectable, Insertable, Updateable } from "kysely";
