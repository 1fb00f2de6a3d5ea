import { createTestDatabase, type TestDatabase } from "@hearth/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresSearch } from "../src/index";
import { searchIndexesDown, searchIndexesUp } from "../src/migrations-sql";
import { matchesText } from "../src/postgres-text";
import { demo } from "./demo";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
});

afterAll(async () => {
  await t?.destroy();
});

describe("search index migration SQL", () => {
  it("applies, is used by the engine's text match, and rolls back", async () => {
    await sql.raw(searchIndexesUp).execute(t.db);
    const explained = await t.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const { rows } = await sql<{ "QUERY PLAN": string }>`explain select m.id from messages m
        where ${matchesText(sql.ref("m.body"), "hallway")}`.execute(trx);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    expect(explained).toContain("messages_body_fts_idx");
    expect(explained).toContain("messages_body_trgm_idx");

    const org = await demo(t.db).orgId("standard");
    const resident = await demo(t.db).userId("resident@standard.demo");
    const { hits } = await createPostgresSearch(t.db).search({
      organizationId: org,
      viewerId: resident,
      text: "hall",
      limit: 5,
    });
    expect(hits).toHaveLength(1);

    await sql.raw(searchIndexesDown).execute(t.db);
    const { rows } = await sql<{ indexname: string }>`
      select indexname from pg_indexes where indexname like 'messages_body_%'`.execute(t.db);
    expect(rows).toEqual([]);
  });
});
