import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../harness";
import { outcome } from "../helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const slugs = ["standard", "connected", "coworking", "landlord-led"];
const members = ["resident", "roommate", "future", "former", "pro", "landowner"];

describe("the directory by need to know", () => {
  it("shows members only people they may message or talk with, never an email or a lease status", async () => {
    for (const slug of slugs) {
      for (const who of members) {
        const email = `${who}@${slug}.demo`;
        const caller = await h.as(email);
        const { contacts } = await caller.conversations.contacts({ search: "" });
        const people = await caller.directory.people();
        for (const contact of contacts) {
          expect(contact.leaseStatus, email).toBeNull();
          expect(contact.homes, email).toBeNull();
        }
        for (const person of people) {
          expect(person.email, email).toBeNull();
          expect(person.connection, email).toBeNull();
        }
        expect(people.map((p) => p.id).sort(), email).toEqual(contacts.map((c) => c.id).sort());
        // Everyone listed may be messaged now, or is already in a conversation with them.
        const inbox = (await caller.conversations.list()).rows;
        const partners = new Set(inbox.flatMap((row) => row.others.map((o) => o.name)));
        for (const contact of contacts)
          expect(
            contact.decision.allowed || partners.has(contact.name),
            `${email} → ${contact.name}`,
          ).toBe(true);
        const emails = JSON.stringify([contacts, people]);
        expect(emails, email).not.toMatch(/@[\w-]+\.demo/);
      }
    }
  });

  it("hides a person a member may not message behind not found", async () => {
    const tenant = await h.as("resident@landlord-led.demo");
    const stranger = await h.userId("future@landlord-led.demo");
    expect(await outcome(() => tenant.directory.person({ id: stranger }))).toBe("NOT_FOUND");
    const search = await tenant.conversations.contacts({ search: "101" });
    expect(search.units).toEqual([]);
  });

  it("shows managers their whole organization with emails", async () => {
    for (const slug of slugs) {
      const owner = await h.as(`owner@${slug}.demo`);
      const people = await owner.directory.people();
      expect(people.length).toBeGreaterThan(5);
      expect(people.every((p) => p.email?.endsWith(`@${slug}.demo`))).toBe(true);
      const resident = await h.userId(`resident@${slug}.demo`);
      expect((await owner.directory.person({ id: resident })).email).toBe(`resident@${slug}.demo`);
    }
  });
});
