import type { Logger } from "@hearth/api";
import { createDb, type DevDatabase, migrateToLatest, openDevDatabase } from "@hearth/db";
import { isSeeded, seedDemoData } from "@hearth/db/seed";

/**
 * The database the server runs on, migrated: DATABASE_URL, or embedded Postgres under `.data/`
 * (or $HEARTH_DATA_DIR) as `npm run dev` has it. Only a database of our own gets the demo data on
 * its first run; a DATABASE_URL someone gave us is never seeded.
 */
export async function prepareDatabase(logger: Logger): Promise<DevDatabase> {
  const ownDatabase = !process.env.DATABASE_URL;
  const database = await openDevDatabase();
  const handle = createDb(database.url, { max: 2 });
  try {
    // Kysely's migrator holds a lock, so instances starting together apply each migration once.
    const applied = await migrateToLatest(handle.db);
    if (applied.length > 0) logger.info({ applied }, "applied migrations");
    if (ownDatabase && !(await isSeeded(handle.db))) {
      logger.info("first run: writing the demo data");
      await seedDemoData(handle.db);
    }
  } catch (error) {
    await handle.destroy();
    await database.stop();
    throw error;
  }
  await handle.destroy();
  return database;
}
