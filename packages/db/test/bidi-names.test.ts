import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as accounts from "../src/migrations/0008_accounts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index";

/**
 * Migration 0008 removes bidi controls from names stored before the API stripped them: a person's,
 * an organization's, a property's, a unit's and a conversation's name, as shown to others.
 */

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
});
afterAll(() => t.destroy());

const RLO = "\u202E";
const LRI = "\u2066";
const PDI = "\u2069";
const RLM = "\u200F";

/** Runs 0008 again on this database, as an upgrade from 0007 would. */
async function rerunMigration(): Promise<void> {
  await accounts.down(t.db);
  await accounts.up(t.db);
}

describe("migration 0008: names shown to others lose their bidi controls", () => {
  it("cleans people, organizations, properties, units and conversation titles", async () => {
    const org = await t.db
      .selectFrom("organizations")
      .select("id")
      .where("slug", "=", "standard")
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable("users")
      .set({ display_name: `Riley ${RLO}gpj.exe${PDI}` })
      .where("email", "=", "resident@standard.demo")
      .execute();
    await t.db
      .updateTable("users")
      .set({ display_name: `${RLO}${LRI}${RLM}` })
      .where("email", "=", "roommate@standard.demo")
      .execute();
    await t.db
      .updateTable("organizations")
      .set({ name: `Maple ${RLM}Residential` })
      .where("id", "=", org.id)
      .execute();
    await t.db
      .updateTable("properties")
      .set({ name: `${LRI}Maple Court${PDI}` })
      .where("organization_id", "=", org.id)
      .where("name", "=", "Maple Court")
      .execute();
    const property = await t.db
      .selectFrom("properties")
      .select("id")
      .where("organization_id", "=", org.id)
      .where("name", "=", "Birch House")
      .executeTakeFirstOrThrow();
    // "2\u202E01" would become "201", which the property already has: both must stay.
    const unit = await t.db
      .insertInto("units")
      .values({ organization_id: org.id, property_id: property.id, name: `2${RLO}01` })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable("conversations")
      .set({ title: `Team ${RLO}chat` })
      .where("organization_id", "=", org.id)
      .where("kind", "=", "team")
      .execute();

    await rerunMigration();

    const names = await t.db
      .selectFrom("users")
      .select(["email", "display_name"])
      .where("email", "in", ["resident@standard.demo", "roommate@standard.demo"])
      .orderBy("email")
      .execute();
    expect(names).toEqual([
      { email: "resident@standard.demo", display_name: "Riley gpj.exe" },
      { email: "roommate@standard.demo", display_name: "Unnamed" },
    ]);
    const orgName = await t.db
      .selectFrom("organizations")
      .select("name")
      .where("id", "=", org.id)
      .executeTakeFirstOrThrow();
    expect(orgName.name).toBe("Maple Residential");
    const properties = await t.db
      .selectFrom("properties")
      .select("name")
      .where("organization_id", "=", org.id)
      .orderBy("name")
      .execute();
    expect(properties.map((p) => p.name)).toEqual(["Birch House", "Maple Court"]);
    const units = await t.db
      .selectFrom("units")
      .select(["id", "name"])
      .where("property_id", "=", property.id)
      .orderBy("name")
      .execute();
    expect(units.map((u) => u.name)).toEqual(["201", `201 #${unit.id.slice(0, 8)}`, "202"]);
    const titles = await t.db
      .selectFrom("conversations")
      .select("title")
      .where("organization_id", "=", org.id)
      .where("kind", "=", "team")
      .execute();
    expect(titles.every((row) => row.title === "Team chat")).toBe(true);

    const left = await sql<{ n: number }>`
      select count(*)::int as n from (
        select display_name as name from users union all select name from organizations
        union all select name from properties union all select name from units
        union all select title from conversations) names
      where name ~ ${"[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]"}`.execute(t.db);
    expect(left.rows[0]?.n).toBe(0);
  });

  it("leaves clean names alone", async () => {
    const before = await t.db
      .selectFrom("users")
      .select(["id", "display_name", "updated_at"])
      .orderBy("id")
      .execute();
    await rerunMigration();
    const after = await t.db
      .selectFrom("users")
      .select(["id", "display_name", "updated_at"])
      .orderBy("id")
      .execute();
    expect(after).toEqual(before);
  });
});
