import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../harness";

/**
 * Issue 14: a member sees "a name and, where the profile needs it, a unit". The unit is needed
 * where members message each other (coworking with member messages on), and only for a neighbour
 * in the viewer's own building; never an email or a lease status.
 */

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await h.t.db
    .updateTable("organizations")
    .set({ policy_overrides: JSON.stringify({ memberMessaging: true }) })
    .where("slug", "=", "coworking")
    .execute();
  // Jordan (future lease downtown) also takes an active desk at the other location, Riverside.
  const unit = await h.t.db
    .selectFrom("units as u")
    .innerJoin("properties as p", "p.id", "u.property_id")
    .innerJoin("organizations as o", "o.id", "u.organization_id")
    .select(["u.id", "u.organization_id"])
    .where("o.slug", "=", "coworking")
    .where("p.name", "=", "Foundry Riverside")
    .where("u.name", "=", "201")
    .executeTakeFirstOrThrow();
  const lease = await h.t.db
    .insertInto("leases")
    .values({
      organization_id: unit.organization_id,
      unit_id: unit.id,
      starts_on: "2000-01-01",
      ends_on: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await h.t.db
    .insertInto("lease_residents")
    .values({
      lease_id: lease.id,
      user_id: await h.userId("future@coworking.demo"),
      organization_id: unit.organization_id,
    })
    .execute();
});
afterAll(() => h.close());

async function unitsSeenBy(email: string): Promise<Record<string, string | null>> {
  const caller = await h.as(email);
  const people = await caller.directory.people();
  const { contacts } = await caller.conversations.contacts({ search: "" });
  const fromContacts = Object.fromEntries(contacts.map((c) => [c.name, c.homes]));
  const fromDirectory = Object.fromEntries(people.map((p) => [p.displayName, p.unit]));
  expect(fromDirectory, email).toEqual(fromContacts);
  for (const contact of contacts) expect(contact.leaseStatus, email).toBeNull();
  for (const person of people) expect(person.email, email).toBeNull();
  return fromDirectory;
}

describe("the directory's unit, by role and profile", () => {
  it("coworking with member messages: a member sees a neighbour's unit in the same building only", async () => {
    const seen = await unitsSeenBy("resident@coworking.demo");
    expect(seen["Sam Patel"]).toBe("101");
    // Jordan may be messaged (an active member) but works at the other location.
    expect(Object.keys(seen)).toContain("Jordan Ellis");
    expect(seen["Jordan Ellis"]).toBeNull();
    // Anyone else listed (no member, or no neighbour): a name only.
    const others = Object.entries(seen).filter(([name]) => name !== "Sam Patel");
    expect(others.every(([, unit]) => unit === null)).toBe(true);
    const person = await (await h.as("resident@coworking.demo")).directory.person({
      id: await h.userId("roommate@coworking.demo"),
    });
    expect(person).toMatchObject({ displayName: "Sam Patel", unit: "101", email: null });
  });

  it("coworking: service pros, owners and an inactive member see no unit", async () => {
    for (const who of ["pro", "landowner", "former"]) {
      const seen = await unitsSeenBy(`${who}@coworking.demo`);
      expect(
        Object.values(seen).every((unit) => unit === null),
        who,
      ).toBe(true);
    }
  });

  it("profiles without member messages show members no unit, roommates included", async () => {
    for (const slug of ["standard", "connected", "landlord-led"])
      for (const who of ["resident", "roommate", "future", "pro", "landowner"]) {
        const seen = await unitsSeenBy(`${who}@${slug}.demo`);
        expect(
          Object.values(seen).every((unit) => unit === null),
          `${who}@${slug}`,
        ).toBe(true);
      }
  });

  it("managers see their organization with emails; the unit field is a member's, not theirs", async () => {
    const people = await (await h.as("owner@coworking.demo")).directory.people();
    expect(people.every((p) => p.email?.endsWith("@coworking.demo"))).toBe(true);
    expect(people.every((p) => p.unit === null)).toBe(true);
  });
});
