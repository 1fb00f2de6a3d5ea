import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../src/migrate";
import type { Database } from "../src/schema";
import { createTestDatabase, type TestDatabase } from "../src/testing/index";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.destroy());

describe("the job queue's schema", () => {
  it("is in every migrated database, so a transaction can add a job before any worker ran", async () => {
    const found = await sql<{ addJob: string | null }>`
      select to_regproc('graphile_worker.add_jobs')::text as "addJob"`.execute(t.db);
    expect(found.rows[0]?.addJob).toBe("graphile_worker.add_jobs");
    await t.db.transaction().execute(async (trx) => {
      await sql`select graphile_worker.add_job('schema_check', '{}'::json)`.execute(trx);
      const jobs = await sql<{ n: number }>`
        select count(*)::int as n from graphile_worker.jobs where task_identifier = 'schema_check'`.execute(
        trx,
      );
      expect(jobs.rows[0]?.n).toBe(1);
    });
  });

  it("is brought up to date again without complaint", async () => {
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it("needs a database opened with createDb", async () => {
    const pool = new pg.Pool({ connectionString: t.url, max: 1 });
    const bare = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      await expect(migrateToLatest(bare)).rejects.toThrow(/opened with createDb/);
    } finally {
      await bare.destroy();
    }
  });
});
