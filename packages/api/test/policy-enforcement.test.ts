import { sql } from "@hearth/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";
import { draft, outcome, refusalOf } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function messageCount(): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from messages`.execute(h.t.db);
  return row.rows[0]!.n;
}

async function orgId(slug: string): Promise<string> {
  return (
    await h.t.db
      .selectFrom("organizations")
      .select("id")
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow()
  ).id;
}

describe("landlord-led (seed 004) enforced through the API", () => {
  it("refuses a tenant who tries to start a chat, and writes nothing", async () => {
    const resident = await h.as("resident@landlord-led.demo");
    const before = await messageCount();
    const refusal = await refusalOf(async () =>
      resident.conversations.start({
        target: { kind: "direct", recipientId: await h.userId("owner@landlord-led.demo") },
        message: draft("Hello?"),
      }),
    );
    expect(refusal.code).toBe("tenant_cannot_initiate");
    expect(refusal.reason.length).toBeGreaterThan(10);
    expect(await messageCount()).toBe(before);
  });

  it("lets the main landlord user chat with an active tenant, not with expired or future ones", async () => {
    const owner = await h.as("owner@landlord-led.demo");
    expect(
      await outcome(async () =>
        owner.conversations.start({
          target: { kind: "direct", recipientId: await h.userId("roommate@landlord-led.demo") },
          message: draft("Hi Sam"),
        }),
      ),
    ).toBe("ok");
    for (const email of ["former@landlord-led.demo", "future@landlord-led.demo"]) {
      const refusal = await refusalOf(async () =>
        owner.conversations.start({
          target: { kind: "direct", recipientId: await h.userId(email) },
          message: draft("Hi"),
        }),
      );
      expect(refusal.code, email).toBe("lease_not_active");
    }
  });

  it("keeps sub-users out of chat", async () => {
    const team = await h.as("team@landlord-led.demo");
    const refusal = await refusalOf(async () =>
      team.conversations.start({
        target: { kind: "direct", recipientId: await h.userId("resident@landlord-led.demo") },
        message: draft("Hi"),
      }),
    );
    expect(refusal.code).toBe("sub_user_chat_disabled");
  });

  it("lets the tenant reply once the landlord started the chat", async () => {
    const resident = await h.as("resident@landlord-led.demo");
    const { rows } = await resident.conversations.list();
    const direct = rows.find((r) => r.kind === "direct")!;
    expect(
      await outcome(() =>
        resident.conversations.send({ conversationId: direct.id, ...draft("Thanks!") }),
      ),
    ).toBe("ok");
  });

  it("starts a whole-unit group chat with every current tenant of the unit", async () => {
    const owner = await h.as("owner@landlord-led.demo");
    const unit = await h.t.db
      .selectFrom("units")
      .innerJoin("properties", "properties.id", "units.property_id")
      .innerJoin("organizations", "organizations.id", "units.organization_id")
      .select("units.id")
      .where("organizations.slug", "=", "landlord-led")
      .where("units.name", "=", "101")
      .executeTakeFirstOrThrow();
    const { conversationId } = await owner.conversations.start({
      target: { kind: "unit_group", unitId: unit.id },
      message: draft("Hello unit 101"),
    });
    const conversation = await owner.conversations.get({ id: conversationId });
    expect(conversation.participants.map((p) => p.name).sort()).toEqual([
      "Morgan Reyes",
      "Riley Chen",
      "Sam Patel",
    ]);
  });
});

describe("New message offers only what the policy allows", () => {
  it("offers whole units only where unit chats exist (landlord-led, not connected)", async () => {
    const landlord = await h.as("owner@landlord-led.demo");
    expect((await landlord.conversations.contacts({ search: "" })).units.length).toBeGreaterThan(0);
    const connected = await h.as("owner@connected.demo");
    expect((await connected.conversations.contacts({ search: "" })).units).toEqual([]);
  });

  it("a coworking member reads the space's words, never a landlord's or a tenant's", async () => {
    const member = await h.as("resident@coworking.demo");
    const capabilities = await member.policy.capabilities();
    expect(capabilities.vocabulary.resident.one).toBe("member");
    for (const decision of Object.values(capabilities.capabilities)) {
      expect(decision?.reason ?? "").not.toMatch(/landlord|tenant/i);
    }
  });
});

describe("switching profiles takes effect on the next request", () => {
  it("a refused tenant chat becomes allowed after the operator switches landlord-led to connected, and the switch is audited", async () => {
    const resident = await h.as("resident@landlord-led.demo");
    const ownerId = await h.userId("owner@landlord-led.demo");
    const before = await resident.policy.capabilities({ recipientIds: [ownerId] });
    expect(before.capabilities.start).toMatchObject({
      allowed: false,
      code: "tenant_cannot_initiate",
    });
    expect(before.vocabulary.management).toBe("your landlord");
    expect(before.capabilities.start?.reason).toContain("your landlord");
    expect(before.composer.messageTypes).toEqual(["general"]);

    const operator = await h.as("operator@platform.demo");
    const landlordLed = await orgId("landlord-led");
    await operator.operator.setProfile({
      organizationId: landlordLed,
      settingsVersion: (await operator.operator.organization({ id: landlordLed })).settingsVersion,
      profileId: "connected",
    });

    const after = await resident.policy.capabilities({ recipientIds: [ownerId] });
    expect(after.profile).toBe("connected");
    expect(after.capabilities.start).toMatchObject({ allowed: true });
    expect(after.vocabulary.management).toBe("your landlord or property manager");
    expect(
      await outcome(() =>
        resident.conversations.start({
          target: { kind: "direct", recipientId: ownerId },
          message: draft("Now I can write first"),
        }),
      ),
    ).toBe("ok");

    const audit = await operator.operator.auditLog({
      organizationId: await orgId("landlord-led"),
      action: "policy.profile_changed",
    });
    expect(audit.entries[0]).toMatchObject({
      before: { profile: "landlord-led" },
      after: { profile: "connected" },
      actorEmail: "operator@platform.demo",
    });

    await operator.operator.setProfile({
      organizationId: landlordLed,
      settingsVersion: (await operator.operator.organization({ id: landlordLed })).settingsVersion,
      profileId: "landlord-led",
    });
    expect(
      (await resident.policy.capabilities({ recipientIds: [ownerId] })).capabilities.start?.allowed,
    ).toBe(false);
  });

  it("refuses an override the profile does not allow, naming the knob, and changes nothing", async () => {
    const operator = await h.as("operator@platform.demo");
    const id = await orgId("landlord-led");
    const error = await operator.operator
      .setOverrides({
        organizationId: id,
        settingsVersion: (await operator.operator.organization({ id })).settingsVersion,
        overrides: { initiators: "anyone", noSuchKnob: true },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    const fieldErrors = (error as { cause: { fieldErrors: Record<string, string[]> } }).cause
      .fieldErrors;
    expect(Object.keys(fieldErrors).sort()).toEqual(["initiators", "noSuchKnob"]);
    const org = await operator.operator.organization({ id });
    expect(org.policyOverrides).toEqual({});
  });

  it("applies an allowed override on the next request", async () => {
    const operator = await h.as("operator@platform.demo");
    const id = await orgId("standard");
    const org = await operator.operator.organization({ id });
    expect(org.rules.length).toBeGreaterThan(10);
    const knob = org.overridable[0];
    expect(knob).toBeDefined();
    const rule = org.rules.find((r) => r.knob === knob);
    expect(rule).toBeDefined();
    await expect(
      operator.operator.setOverrides({
        organizationId: id,
        settingsVersion: org.settingsVersion,
        overrides: {},
      }),
    ).resolves.toEqual({ overrides: {}, settingsVersion: org.settingsVersion + 1 });
  });
});

describe("connected (seeds 001-002) enforced through the API", () => {
  it("only connected users can be messaged", async () => {
    const owner = await h.as("owner@connected.demo");
    const refusal = await refusalOf(async () =>
      owner.conversations.start({
        target: { kind: "direct", recipientId: await h.userId("invited@connected.demo") },
        message: draft("Hi"),
      }),
    );
    expect(refusal.code).toBe("not_connected");
    expect(
      await outcome(async () =>
        owner.conversations.start({
          target: { kind: "direct", recipientId: await h.userId("pro@connected.demo") },
          message: draft("Can you come Friday?"),
        }),
      ),
    ).toBe("ok");
  });

  it("shows the Owners channel only in property manager mode", async () => {
    const owner = await h.as("owner@connected.demo");
    expect((await owner.conversations.list()).channels["channel.owners"]?.allowed).toBe(true);
    await h.t.db
      .updateTable("organizations")
      .set({ mode: "landlord" })
      .where("slug", "=", "connected")
      .execute();
    expect((await owner.conversations.list()).channels["channel.owners"]?.allowed).toBe(false);
    await h.t.db
      .updateTable("organizations")
      .set({ mode: "property_manager" })
      .where("slug", "=", "connected")
      .execute();
  });
});

describe("coworking (seed 003) enforced through the API", () => {
  it("a message from the space cannot be replied to in the portal", async () => {
    const member = await h.as("resident@coworking.demo");
    const { rows } = await member.conversations.list();
    const announcement = rows.find((r) => r.kind === "broadcast")!;
    const before = await messageCount();
    const refusal = await refusalOf(() =>
      member.conversations.send({ conversationId: announcement.id, ...draft("Thanks") }),
    );
    expect(refusal.code).toBe("no_reply");
    expect(await messageCount()).toBe(before);
  });

  it("member-to-member messages go to one member at a time, and only to active members", async () => {
    const member = await h.as("resident@coworking.demo");
    const two = await outcome(async () =>
      member.conversations.start({
        target: {
          kind: "team",
          recipientIds: [
            await h.userId("roommate@coworking.demo"),
            await h.userId("future@coworking.demo"),
          ],
        },
        message: draft("Hi both"),
      }),
    );
    expect(two).toMatch(/^FORBIDDEN:/);
    const inactive = await refusalOf(async () =>
      member.conversations.start({
        target: { kind: "direct", recipientId: await h.userId("former@coworking.demo") },
        message: draft("Hi"),
      }),
    );
    expect(inactive.reason).toBeTruthy();
  });
});
