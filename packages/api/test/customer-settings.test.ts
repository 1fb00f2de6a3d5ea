/** The customer's own Settings page: what each profile lets them change, who may, and that it applies. */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FieldProblems } from "../src/trpc";
import { countRows, createHarness, type Harness } from "./harness";
import { draft, outcome } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

type Caller = Awaited<ReturnType<Harness["as"]>>;

/** The TRPCError a call ends with. */
async function errorOf(run: () => Promise<unknown>): Promise<TRPCError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

async function version(caller: Caller): Promise<number> {
  return (await caller.settings.organization()).settingsVersion;
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

/** The owner's direct conversation with the resident, a message in it the resident has read. */
async function readThread(slug: string) {
  const owner = await h.as(`owner@${slug}.demo`);
  const resident = await h.as(`resident@${slug}.demo`);
  const { rows } = await owner.conversations.list();
  const conversation = rows.find(
    (r) => r.kind === "direct" && r.others.some((o) => o.name === "Riley Chen"),
  );
  if (!conversation) throw new Error(`no direct conversation in ${slug}`);
  const sent = await owner.conversations.send({
    conversationId: conversation.id,
    ...draft("Water off on Tuesday"),
  });
  await resident.conversations.markRead({ id: conversation.id, upToMessageId: sent.id });
  // The resident's own message, read by the owner, so the resident has something to see read.
  const reply = await resident.conversations.send({
    conversationId: conversation.id,
    ...draft("Thanks for the notice"),
  });
  await owner.conversations.markRead({ id: conversation.id, upToMessageId: reply.id });
  return { owner, resident, conversationId: conversation.id, replyId: reply.id };
}

describe("what the page offers, per profile", () => {
  const offered: Record<string, { knobs: string[]; mode: boolean }> = {
    standard: { knobs: ["initiators", "readReceipts"], mode: false },
    connected: { knobs: ["readReceipts"], mode: true },
    coworking: { knobs: ["memberMessaging"], mode: false },
    "landlord-led": { knobs: [], mode: false },
  };
  for (const [slug, { knobs, mode }] of Object.entries(offered)) {
    it(`${slug}: ${knobs.join(", ") || "no knobs"}${mode ? " and the account mode" : ""}`, async () => {
      const owner = await h.as(`owner@${slug}.demo`);
      const page = await owner.settings.organization();
      expect(page.fields.map((field) => field.knob)).toEqual(knobs);
      expect(page.mode.editable).toBe(mode);
      expect(page.canChange.allowed).toBe(true);
      expect(page.canManagePermissions.allowed).toBe(true);
      expect(page.team.map((member) => member.email)).toContain(`team@${slug}.demo`);
    });
  }

  it("a resident has no Settings page", async () => {
    const resident = await h.as("resident@standard.demo");
    expect(await outcome(() => resident.settings.organization())).toBe("FORBIDDEN");
  });
});

describe("read receipts follow the owner's choice on the next request", () => {
  it("standard: everyone, then managers only; audited with who and before/after", async () => {
    const { owner, resident, conversationId, replyId } = await readThread("standard");
    const seenByOnResidentSide = async () =>
      (await resident.conversations.messages({ id: conversationId })).messages.find(
        (m) => m.id === replyId,
      )?.seenBy;
    // The profile's default: only managers see receipts.
    expect(await seenByOnResidentSide()).toBeNull();

    await owner.settings.save({
      settingsVersion: await version(owner),
      choices: { initiators: ["resident"], readReceipts: "everyone" },
    });
    expect((await seenByOnResidentSide())?.length).toBe(1);

    const audits = await countRows(h, "audit_log");
    await owner.settings.save({
      settingsVersion: await version(owner),
      choices: { initiators: ["resident"], readReceipts: "managers" },
    });
    expect(await seenByOnResidentSide()).toBeNull();
    expect(await countRows(h, "audit_log")).toBe(audits + 1);
    const entry = await h.t.db
      .selectFrom("audit_log")
      .select(["actor_id", "action", "before", "after"])
      .where("action", "=", "settings.changed")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      actor_id: await h.userId("owner@standard.demo"),
      before: { mode: "property_manager", choices: { readReceipts: "everyone" } },
      after: { mode: "property_manager", choices: {} },
    });
  });

  it("a save from a page drawn before another save is refused and changes nothing", async () => {
    const owner = await h.as("owner@standard.demo");
    const seen = await version(owner);
    await owner.settings.save({ settingsVersion: seen, choices: { readReceipts: "everyone" } });
    const stale = await errorOf(() =>
      owner.settings.save({ settingsVersion: seen, choices: { readReceipts: "nobody" } }),
    );
    expect(stale.code).toBe("CONFLICT");
    const page = await owner.settings.organization();
    expect(page.fields.find((f) => f.knob === "readReceipts")?.value).toBe("everyone");
    await owner.settings.save({ settingsVersion: page.settingsVersion, choices: {} });
  });

  it("refuses a bad value by the knob's name and changes nothing", async () => {
    const owner = await h.as("owner@standard.demo");
    const seen = await version(owner);
    const error = await errorOf(() =>
      owner.settings.save({ settingsVersion: seen, choices: { readReceipts: "sometimes" } }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect((error.cause as FieldProblems).fieldErrors).toHaveProperty("readReceipts");
    expect(await version(owner)).toBe(seen);
  });
});

describe("the operator sees the customer's choices and their override wins", () => {
  it("the page says the operator fixed it, and refuses changing it", async () => {
    const owner = await h.as("owner@connected.demo");
    const operator = await h.as("operator@platform.demo");
    const id = await orgId("connected");
    await owner.settings.save({
      settingsVersion: await version(owner),
      choices: { readReceipts: "everyone" },
    });
    let console = await operator.operator.organization({ id });
    expect(console.rules.find((r) => r.knob === "readReceipts")).toMatchObject({
      value: "everyone",
      source: "customer's choice",
    });
    expect(console.knobs.find((k) => k.knob === "readReceipts")?.customerChoice).toBe("everyone");

    await operator.operator.setOverrides({
      organizationId: id,
      settingsVersion: console.settingsVersion,
      overrides: { readReceipts: "nobody" },
    });
    const page = await owner.settings.organization();
    expect(page.fields.find((f) => f.knob === "readReceipts")).toMatchObject({
      fixedByOperator: true,
      value: "nobody",
    });
    expect((await owner.policy.capabilities()).capabilities.seeReadReceipts?.allowed).toBe(false);
    const refused = await errorOf(() =>
      owner.settings.save({
        settingsVersion: page.settingsVersion,
        choices: { readReceipts: "managers" },
      }),
    );
    expect((refused.cause as FieldProblems).fieldErrors.readReceipts?.[0]).toContain("operator");

    // The operator lets go: the customer's own choice applies again.
    console = await operator.operator.organization({ id });
    await operator.operator.setOverrides({
      organizationId: id,
      settingsVersion: console.settingsVersion,
      overrides: {},
    });
    expect(
      (await owner.settings.organization()).fields.find((f) => f.knob === "readReceipts"),
    ).toMatchObject({ fixedByOperator: false, value: "everyone", overridden: true });
  });

  it("a customer's save makes the operator's open form stale", async () => {
    const owner = await h.as("owner@connected.demo");
    const operator = await h.as("operator@platform.demo");
    const id = await orgId("connected");
    const { settingsVersion } = await operator.operator.organization({ id });
    await owner.settings.save({ settingsVersion: await version(owner), choices: {} });
    const stale = await errorOf(() =>
      operator.operator.setOverrides({ organizationId: id, settingsVersion, overrides: {} }),
    );
    expect(stale.code).toBe("CONFLICT");
  });
});

describe("what the customer may not change", () => {
  it("landlord-led: tenants may not start chats, and nothing else is the landlord's (seed 004)", async () => {
    const owner = await h.as("owner@landlord-led.demo");
    const seen = await version(owner);
    const error = await errorOf(() =>
      owner.settings.save({ settingsVersion: seen, choices: { initiators: ["resident"] } }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect((error.cause as FieldProblems).fieldErrors).toHaveProperty("initiators");
    expect(await version(owner)).toBe(seen);
  });

  it("standard: the account mode is not the customer's", async () => {
    const owner = await h.as("owner@standard.demo");
    const error = await errorOf(async () =>
      owner.settings.save({
        settingsVersion: await version(owner),
        choices: {},
        mode: "landlord",
      }),
    );
    expect((error.cause as FieldProblems).fieldErrors).toHaveProperty("mode");
  });
});

describe("settings the customer changes, per profile", () => {
  it("connected: landlord mode hides the Owners channel, property-manager mode shows it (seed 001)", async () => {
    const owner = await h.as("owner@connected.demo");
    const owners = async () =>
      (await owner.policy.capabilities()).capabilities["channel.owners"]?.allowed;
    expect(await owners()).toBe(true);
    await owner.settings.save({
      settingsVersion: await version(owner),
      choices: {},
      mode: "landlord",
    });
    expect(await owners()).toBe(false);
    await owner.settings.save({
      settingsVersion: await version(owner),
      choices: {},
      mode: "property_manager",
    });
    expect(await owners()).toBe(true);
  });

  it("connected: the operator fixes the mode; the customer sees it fixed and can't change it until released", async () => {
    const owner = await h.as("owner@connected.demo");
    const operator = await h.as("operator@platform.demo");
    const id = await orgId("connected");
    const audits = await countRows(h, "audit_log");
    await operator.operator.setMode({
      organizationId: id,
      settingsVersion: (await operator.operator.organization({ id })).settingsVersion,
      mode: "landlord",
      fixed: true,
    });
    expect(await countRows(h, "audit_log")).toBe(audits + 1);
    const page = await owner.settings.organization();
    expect(page.mode).toMatchObject({ value: "landlord", editable: true, fixedByOperator: true });
    const refused = await errorOf(() =>
      owner.settings.save({
        settingsVersion: page.settingsVersion,
        choices: {},
        mode: "property_manager",
      }),
    );
    expect((refused.cause as FieldProblems).fieldErrors.mode?.[0]).toContain("operator");
    expect((await owner.policy.capabilities()).capabilities["channel.owners"]?.allowed).toBe(false);

    await operator.operator.setMode({
      organizationId: id,
      settingsVersion: (await operator.operator.organization({ id })).settingsVersion,
      mode: "landlord",
      fixed: false,
    });
    await owner.settings.save({
      settingsVersion: await version(owner),
      choices: {},
      mode: "property_manager",
    });
    expect((await owner.policy.capabilities()).capabilities["channel.owners"]?.allowed).toBe(true);
  });

  it("coworking: member-to-member messages on and off (seed 003)", async () => {
    const owner = await h.as("owner@coworking.demo");
    const member = await h.as("resident@coworking.demo");
    const roommate = await h.userId("roommate@coworking.demo");
    const start = () =>
      outcome(() =>
        member.conversations.start({
          target: { kind: "direct", recipientId: roommate },
          message: draft("Lunch at noon?"),
        }),
      );
    expect(await start()).toBe("FORBIDDEN:member_messaging_disabled");
    await owner.settings.save({
      settingsVersion: await version(owner),
      choices: { memberMessaging: true },
    });
    expect(await start()).toBe("ok");
    await owner.settings.save({ settingsVersion: await version(owner), choices: {} });
    expect(await start()).toBe("FORBIDDEN:member_messaging_disabled");
  });

  it("standard: who may start conversations", async () => {
    const owner = await h.as("owner@standard.demo");
    const resident = await h.as("resident@standard.demo");
    const composeAllowed = async () =>
      (await resident.policy.capabilities()).capabilities.compose?.allowed;
    expect(await composeAllowed()).toBe(true);
    await owner.settings.save({
      settingsVersion: await version(owner),
      choices: { initiators: [] },
    });
    expect(await composeAllowed()).toBe(false);
    await owner.settings.save({ settingsVersion: await version(owner), choices: {} });
    expect(await composeAllowed()).toBe(true);
  });
});

describe("sub-users", () => {
  it("standard: a sub-user changes settings only with the permission the owner gives", async () => {
    const owner = await h.as("owner@standard.demo");
    const team = await h.as("team@standard.demo");
    const teamId = await h.userId("team@standard.demo");
    const page = await team.settings.organization();
    expect(page.canChange).toMatchObject({ allowed: false, code: "settings_owner_only" });
    expect(
      await outcome(async () =>
        team.settings.save({ settingsVersion: await version(team), choices: {} }),
      ),
    ).toBe("FORBIDDEN:settings_owner_only");

    const audits = await countRows(h, "audit_log");
    await owner.settings.setPermissions({
      settingsVersion: await version(owner),
      userId: teamId,
      permissions: ["settings.manage"],
    });
    expect(await countRows(h, "audit_log")).toBe(audits + 1);
    expect(
      await outcome(async () =>
        team.settings.save({
          settingsVersion: await version(team),
          choices: { readReceipts: "everyone" },
        }),
      ),
    ).toBe("ok");
    // Settings, yes; handing out permissions, no.
    expect(
      await outcome(async () =>
        team.settings.setPermissions({
          settingsVersion: await version(team),
          userId: teamId,
          permissions: ["settings.manage", "templates.manage"],
        }),
      ),
    ).toBe("FORBIDDEN:team_permissions_owner_only");

    await owner.settings.setPermissions({
      settingsVersion: await version(owner),
      userId: teamId,
      permissions: [],
    });
    expect(
      await outcome(async () =>
        team.settings.save({ settingsVersion: await version(team), choices: {} }),
      ),
    ).toBe("FORBIDDEN:settings_owner_only");
  });

  it("refuses a permission that changes nothing in the profile, and someone who is not a sub-user", async () => {
    const owner = await h.as("owner@standard.demo");
    const broadcast = await errorOf(async () =>
      owner.settings.setPermissions({
        settingsVersion: await version(owner),
        userId: await h.userId("team@standard.demo"),
        permissions: ["messaging.broadcast"],
      }),
    );
    expect((broadcast.cause as FieldProblems).fieldErrors).toHaveProperty("permissions");
    const resident = await errorOf(async () =>
      owner.settings.setPermissions({
        settingsVersion: await version(owner),
        userId: await h.userId("resident@standard.demo"),
        permissions: [],
      }),
    );
    expect((resident.cause as FieldProblems).fieldErrors).toHaveProperty("userId");
  });

  it("landlord-led: the main user only, even with the permission (seed 004)", async () => {
    const team = await h.as("team@landlord-led.demo");
    await h.t.db
      .updateTable("users")
      .set({ permissions: ["settings.manage"] })
      .where("email", "=", "team@landlord-led.demo")
      .execute();
    expect(
      await outcome(async () =>
        team.settings.save({ settingsVersion: await version(team), choices: {} }),
      ),
    ).toBe("FORBIDDEN:settings_owner_only");
  });
});
