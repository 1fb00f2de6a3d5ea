import { createTestDatabase, type TestDatabase } from "@hearth/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchesText } from "../src/postgres-text";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
});

afterAll(async () => {
  await t?.destroy();
});

describe("the search index of migration 0007", () => {
  it("is the one the engine's text match uses, for whole words and prefixes", async () => {
    const explained = await t.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const { rows } = await sql<{ "QUERY PLAN": string }>`explain select m.id from messages m
        where ${matchesText(sql.ref("m.search_vector"), "hallway")}`.execute(trx);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    expect(explained).toContain("messages_search_vector_idx");
  });
});
