import { type Kysely, type MigrationResultSet, Migrator } from "kysely";
import { migrations } from "./migrations/index";
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

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
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
