import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type DbHandle } from "../connection";
import "./provided-context";

export interface TestDatabase extends DbHandle {
  url: string;
  name: string;
}

/**
 * A database of this test file's own, cloned from the migrated template (or the seeded one),
 * so files run in parallel and never see each other's rows. Destroy drops it.
 */
export async function createTestDatabase(
  options: { seeded?: boolean } = {},
): Promise<TestDatabase> {
  const { adminUrl, template, seededTemplate, runId } = inject("testDatabase");
  const name = `test_${randomBytes(6).toString("hex")}_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(
      `create database "${name}" template "${options.seeded ? seededTemplate : template}"`,
    );
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = createDb(url.toString(), { max: 5 });
  return {
    ...handle,
    url: url.toString(),
    name,
    async destroy() {
      await handle.destroy();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The path of the globalSetup module, for each package's vitest config. */
export const testDatabaseGlobalSetup = new URL("./global-setup.ts", import.meta.url).pathname;
