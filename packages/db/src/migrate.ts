import { runMigrations } from "graphile-worker";
import { type Kysely, type MigrationResultSet, Migrator } from "kysely";
import { migrations } from "./migrations/index";
import { poolOf } from "./pools";
import type { Database } from "./schema";

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/**
 * Installs or upgrades graphile-worker's own schema (`graphile_worker`). It belongs to every
 * migrated database, not only to one where a worker has started: our transactions call
 * `graphile_worker.add_job` (the outbox), which must exist before any worker runs.
 */
async function migrateJobQueue(db: Kysely<Database>): Promise<void> {
  const pgPool = poolOf(db);
  if (!pgPool) throw new Error("migrateToLatest needs a database opened with createDb");
  await runMigrations({ pgPool });
}

/** Applies every pending migration (graphile-worker's first); returns the names of ours applied. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  await migrateJobQueue(db);
  return unwrap(await migrator(db).migrateToLatest());
}

/** Rolls every migration back (used by `db:reset` and the migration tests). */
export async function migrateDownAll(db: Kysely<Database>): Promise<string[]> {
  const names: string[] = [];
  const m = migrator(db);
  for (;;) {
    const result = await m.migrateDown();
    const applied = unwrap(result);
    if (applied.length === 0) return names;
    names.push(...applied);
  }
}
