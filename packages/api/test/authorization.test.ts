import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

type Caller = Awaited<ReturnType<Harness["as"]>>;

async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/** Each procedure, called with harmless input; the table says who may call it. */
const procedures: Record<string, (c: Caller) => Promise<unknown>> = {
  "auth.me": (c) => c.auth.me(),
  "directory.people": (c) => c.directory.people(),
  "directory.properties": (c) => c.directory.properties(),
  "conversations.list": (c) => c.conversations.list(),
  "invitations.pending": (c) => c.invitations.pending(),
  "operator.organizations": (c) => c.operator.organizations(),
};

const expected: Record<string, Record<string, string>> = {
  "owner@standard.demo": {
    "auth.me": "ok",
    "directory.people": "ok",
    "directory.properties": "ok",
    "conversations.list": "ok",
    "invitations.pending": "ok",
    "operator.organizations": "FORBIDDEN",
  },
  "team@standard.demo": {
    "auth.me": "ok",
    "directory.people": "ok",
    "directory.properties": "ok",
    "conversations.list": "ok",
    "invitations.pending": "ok",
    "operator.organizations": "FORBIDDEN",
  },
  "resident@standard.demo": {
    "auth.me": "ok",
    "directory.people": "ok",
    "directory.properties": "ok",
    "conversations.list": "ok",
    "invitations.pending": "FORBIDDEN",
    "operator.organizations": "FORBIDDEN",
  },
  "operator@platform.demo": {
    "auth.me": "ok",
    "directory.people": "FORBIDDEN",
    "directory.properties": "FORBIDDEN",
    "conversations.list": "FORBIDDEN",
    "invitations.pending": "FORBIDDEN",
    "operator.organizations": "ok",
  },
};

describe("who may call each procedure", () => {
  for (const [email, table] of Object.entries(expected)) {
    it(`${email}`, async () => {
      const caller = await h.as(email);
      const seen: Record<string, string> = {};
      for (const [name, run] of Object.entries(procedures))
        seen[name] = await outcome(() => run(caller));
      expect(seen).toEqual(table);
    });
  }

  it("nobody signed out, except auth.me", async () => {
    const { caller } = h.anonymous("manager");
    const seen: Record<string, string> = {};
    for (const [name, run] of Object.entries(procedures))
      seen[name] = await outcome(() => run(caller));
    expect(seen).toEqual({
      "auth.me": "ok",
      "directory.people": "UNAUTHORIZED",
      "directory.properties": "UNAUTHORIZED",
      "conversations.list": "UNAUTHORIZED",
      "invitations.pending": "UNAUTHORIZED",
      "operator.organizations": "UNAUTHORIZED",
    });
  });
});

describe("organization scoping", () => {
  it("hides another organization's person behind not found", async () => {
    const manager = await h.as("owner@standard.demo");
    const own = await h.userId("resident@standard.demo");
    const foreign = await h.userId("resident@connected.demo");
    expect((await manager.directory.person({ id: own })).email).toBe("resident@standard.demo");
    expect(await outcome(() => manager.directory.person({ id: foreign }))).toBe("NOT_FOUND");
  });

  it("lists only the caller's organization's people and properties", async () => {
    const manager = await h.as("owner@connected.demo");
    const people = await manager.directory.people();
    expect(people.length).toBe(9);
    expect(people.every((p) => p.email?.endsWith("@connected.demo"))).toBe(true);
    const properties = await manager.directory.properties();
    expect(properties.map((p) => p.name)).toEqual(["Dockside Lofts", "Harbor View"]);
    expect(properties.find((p) => p.name === "Harbor View")?.units.map((u) => u.name)).toEqual([
      "101",
      "102",
      "103",
    ]);
  });

  it("shows a user only the conversations they take part in, with unread counts", async () => {
    const roommate = await h.as("roommate@standard.demo");
    const inbox = (await roommate.conversations.list()).rows;
    expect(inbox.map((c) => c.kind)).toEqual(["unit_group"]);
    const manager = await h.as("owner@standard.demo");
    const managerInbox = (await manager.conversations.list()).rows;
    expect(managerInbox.map((c) => c.kind).sort()).toEqual([
      "direct",
      "maintenance",
      "team",
      "unit_group",
    ]);
    const direct = managerInbox.find((c) => c.kind === "direct");
    expect(direct).toMatchObject({
      unread: 1,
      lastBody: "Could someone look at the hallway light on our floor?",
      channel: "tenants",
    });
    expect(direct?.others.map((o) => o.name)).toEqual(["Riley Chen"]);
    const ids = new Set(managerInbox.map((c) => c.id));
    const other = (await (await h.as("owner@connected.demo")).conversations.list()).rows;
    expect(other.some((c) => ids.has(c.id))).toBe(false);
  });
});
