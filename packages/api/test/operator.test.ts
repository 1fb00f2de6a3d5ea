import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FieldProblems } from "../src/trpc";
import { countRows, createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function orgId(slug: string): Promise<string> {
  return (
    await h.t.db
      .selectFrom("organizations")
      .select("id")
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow()
  ).id;
}

async function storedOverrides(slug: string): Promise<Record<string, unknown>> {
  return (
    await h.t.db
      .selectFrom("organizations")
      .select("policy_overrides")
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow()
  ).policy_overrides;
}

let reader: Awaited<ReturnType<Harness["as"]>> | undefined;

/** The organization and the settings version the operator sees on opening it, as a save sends them. */
async function opened(id: string): Promise<{ organizationId: string; settingsVersion: number }> {
  reader ??= await h.as("operator@platform.demo");
  const { settingsVersion } = await reader.operator.organization({ id });
  return { organizationId: id, settingsVersion };
}

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

describe("operator.organization describes the override form", () => {
  it("returns one field per overridable knob, for every organization, keeping the existing fields", async () => {
    const operator = await h.as("operator@platform.demo");
    for (const org of await operator.operator.organizations()) {
      const detail = await operator.operator.organization({ id: org.id });
      expect(detail.name).toBe(org.name);
      expect(detail.problems).toEqual([]);
      expect(detail.rules.length).toBeGreaterThan(30);
      expect(detail.knobs.map((field) => field.knob)).toEqual(detail.overridable);
      expect(detail.knobs.length, org.name).toBeGreaterThan(0);
      for (const field of detail.knobs) {
        const rule = detail.rules.find((row) => row.knob === field.knob);
        expect(field.label, field.knob).toBe(rule?.rule);
        expect(["boolean", "enum", "number", "string", "list"]).toContain(field.kind);
        expect(field.overridden).toBe(false);
        expect(field.value).toEqual(field.defaultValue);
        expect(field.valueLabel).toBe(rule?.value);
        if (field.kind === "enum") expect(field.options).toContain(field.value);
        if (field.options)
          expect(Object.keys(field.optionLabels ?? {})).toEqual([...field.options]);
      }
    }
  });

  it("reads kinds, choices, bounds and defaults from the profile's knob schema", async () => {
    const operator = await h.as("operator@platform.demo");
    const { knobs } = await operator.operator.organization({ id: await orgId("standard") });
    const field = (knob: string) => knobs.find((f) => f.knob === knob);

    expect(field("broadcasts")).toMatchObject({
      label: "Broadcast messages",
      kind: "boolean",
      value: false,
      defaultValue: false,
      defaultLabel: "off",
      overridden: false,
    });
    expect(field("readReceipts")).toMatchObject({
      kind: "enum",
      options: ["everyone", "managers", "nobody"],
      value: "managers",
    });
    expect(field("subUserChat")).toMatchObject({
      kind: "enum",
      options: ["all", "with_permission", "none"],
      optionLabels: { with_permission: "with permission" },
    });
    expect(field("maxAttachmentBytes")).toMatchObject({
      kind: "number",
      min: 1,
      max: 100 * 1024 * 1024,
      unit: "bytes",
      defaultValue: 25 * 1024 * 1024,
      defaultLabel: "25 MB",
    });
    expect(field("editWindowMinutes")).toMatchObject({ kind: "number", unit: "minutes" });
    expect(field("initiators")).toMatchObject({
      kind: "list",
      options: ["resident", "service_pro", "owner"],
      optionLabels: { resident: "residents", service_pro: "service pros", owner: "owners" },
      value: ["resident"],
    });
    const types = field("attachmentTypes");
    expect(types).toMatchObject({ kind: "list", hint: expect.stringContaining("MIME type") });
    expect(types?.options).toBeUndefined();
    // Knobs the profile keeps fixed are not in the form.
    expect(field("board")).toBeUndefined();
  });

  it("marks an overridden knob with its value, and the rules table names the override", async () => {
    const operator = await h.as("operator@platform.demo");
    const id = await orgId("landlord-led");
    await operator.operator.setOverrides({
      ...(await opened(id)),
      overrides: { readReceipts: "everyone" },
    });
    const org = await operator.operator.organization({ id });
    expect(org.knobs.find((f) => f.knob === "readReceipts")).toMatchObject({
      value: "everyone",
      valueLabel: "everyone",
      defaultValue: "managers",
      overridden: true,
    });
    expect(org.knobs.find((f) => f.knob === "maxAttachmentBytes")?.overridden).toBe(false);
    expect(org.rules.find((r) => r.knob === "readReceipts")).toMatchObject({
      value: "everyone",
      source: "organization override",
    });
    await operator.operator.setOverrides({ ...(await opened(id)), overrides: {} });
  });
});

describe("operator.setOverrides", () => {
  it("applies an allowed override on the next request and audits it", async () => {
    const member = await h.as("resident@coworking.demo");
    const before = await member.policy.capabilities();
    expect(before.capabilities.attachFile?.allowed).toBe(false);

    const operator = await h.as("operator@platform.demo");
    const id = await orgId("coworking");
    const auditRows = await countRows(h, "audit_log");
    await expect(
      operator.operator.setOverrides({ ...(await opened(id)), overrides: { attachments: true } }),
    ).resolves.toEqual({ overrides: { attachments: true }, settingsVersion: expect.any(Number) });

    const after = await member.policy.capabilities();
    expect(after.capabilities.attachFile?.allowed).toBe(true);
    expect(await storedOverrides("coworking")).toEqual({ attachments: true });
    expect(await countRows(h, "audit_log")).toBe(auditRows + 1);
    const { entries } = await operator.operator.auditLog({
      organizationId: id,
      action: "policy.overrides_changed",
    });
    expect(entries[0]).toMatchObject({
      before: { profile: "coworking", overrides: {} },
      after: { profile: "coworking", overrides: { attachments: true } },
      actorEmail: "operator@platform.demo",
      organizationName: "Foundry Workspace",
    });

    // Removing the override restores the profile's rule on the next request.
    await operator.operator.setOverrides({ ...(await opened(id)), overrides: {} });
    expect((await member.policy.capabilities()).capabilities.attachFile?.allowed).toBe(false);
  });

  it("refuses knobs the profile does not allow and bad values with field errors, writing nothing", async () => {
    const operator = await h.as("operator@platform.demo");
    const id = await orgId("coworking");
    await operator.operator.setOverrides({
      ...(await opened(id)),
      overrides: { attachments: true },
    });
    const auditRows = await countRows(h, "audit_log");

    const seen = await opened(id);
    const error = await errorOf(() =>
      operator.operator.setOverrides({
        ...seen,
        overrides: {
          attachments: false,
          memberMessaging: "yes",
          maxAttachmentBytes: 0,
          initiators: ["owner"],
        },
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toBeInstanceOf(FieldProblems);
    const { fieldErrors } = error.cause as FieldProblems;
    expect(Object.keys(fieldErrors).sort()).toEqual([
      "initiators",
      "maxAttachmentBytes",
      "memberMessaging",
    ]);
    expect(fieldErrors.initiators?.[0]).toMatch(/can't be overridden/);

    expect(await storedOverrides("coworking")).toEqual({ attachments: true });
    expect(await countRows(h, "audit_log")).toBe(auditRows);
    const org = await operator.operator.organization({ id });
    expect(org.knobs.find((f) => f.knob === "attachments")).toMatchObject({
      value: true,
      overridden: true,
    });
    await operator.operator.setOverrides({ ...(await opened(id)), overrides: {} });
  });

  it("setProfile clears the overrides, so the form starts from the new profile's defaults", async () => {
    const operator = await h.as("operator@platform.demo");
    const id = await orgId("connected");
    await operator.operator.setOverrides({
      ...(await opened(id)),
      overrides: { copyToEmail: false },
    });
    await operator.operator.setProfile({ ...(await opened(id)), profileId: "standard" });
    const org = await operator.operator.organization({ id });
    expect(org.policyProfile).toBe("standard");
    expect(org.policyOverrides).toEqual({});
    expect(org.knobs.every((f) => !f.overridden)).toBe(true);
    expect(org.knobs.find((f) => f.knob === "copyToEmail")?.value).toBe(false);
    expect(org.knobs.map((f) => f.knob)).toContain("initiators");
    await operator.operator.setProfile({ ...(await opened(id)), profileId: "connected" });
  });
});

describe("settings versions", () => {
  it("each save moves the version on; a save from the version before is CONFLICT and changes nothing", async () => {
    const operator = await h.as("operator@platform.demo");
    const id = await orgId("coworking");
    const { settingsVersion: first } = await operator.operator.organization({ id });
    const saved = await operator.operator.setOverrides({
      organizationId: id,
      settingsVersion: first,
      overrides: { attachments: true },
    });
    expect(saved.settingsVersion).toBe(first + 1);
    expect((await operator.operator.organization({ id })).settingsVersion).toBe(first + 1);
    const auditRows = await countRows(h, "audit_log");

    for (const stale of [
      () =>
        operator.operator.setProfile({
          organizationId: id,
          settingsVersion: first,
          profileId: "standard",
        }),
      () =>
        operator.operator.setOverrides({
          organizationId: id,
          settingsVersion: first,
          overrides: {},
        }),
    ]) {
      const error = await errorOf(stale);
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toMatch(/changed since you opened them/);
    }
    expect(await storedOverrides("coworking")).toEqual({ attachments: true });
    expect((await operator.operator.organization({ id })).policyProfile).toBe("coworking");
    expect(await countRows(h, "audit_log")).toBe(auditRows);

    const switched = await operator.operator.setProfile({
      organizationId: id,
      settingsVersion: first + 1,
      profileId: "coworking",
    });
    expect(switched).toEqual({ profileId: "coworking", settingsVersion: first + 2 });
    expect(await storedOverrides("coworking")).toEqual({});
  });

  it("names the missing version", async () => {
    const operator = await h.as("operator@platform.demo");
    const id = await orgId("coworking");
    const error = await errorOf(() =>
      // @ts-expect-error: a save must say which version it was made from
      operator.operator.setOverrides({ organizationId: id, overrides: {} }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/settingsVersion/);
  });
});

describe("operator.auditLog", () => {
  it("filters by organization and action and pages 50 at a time, newest first", async () => {
    const operator = await h.as("operator@platform.demo");
    const standard = await orgId("standard");
    const landlord = await orgId("landlord-led");
    for (let i = 0; i < 53; i++) {
      await operator.operator.setOverrides({
        ...(await opened(standard)),
        overrides: i % 2 === 0 ? { readReceipts: "everyone" } : {},
      });
    }
    await operator.operator.setProfile({ ...(await opened(standard)), profileId: "coworking" });
    await operator.operator.setProfile({ ...(await opened(standard)), profileId: "standard" });
    await operator.operator.setOverrides({
      ...(await opened(landlord)),
      overrides: { templates: false },
    });

    const first = await operator.operator.auditLog({ organizationId: standard });
    expect(first.entries).toHaveLength(50);
    expect(first.entries.every((e) => e.organizationName === "Maple Residential")).toBe(true);
    expect(first.entries[0]).toMatchObject({
      action: "policy.profile_changed",
      before: { profile: "coworking" },
      after: { profile: "standard" },
    });
    const ids = first.entries.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(first.nextCursor).toBe(ids[49]);

    const second = await operator.operator.auditLog({
      organizationId: standard,
      before: first.nextCursor ?? undefined,
    });
    expect(second.entries.length).toBeGreaterThanOrEqual(5);
    expect(second.entries.every((e) => e.id < (first.nextCursor ?? 0))).toBe(true);
    expect(second.nextCursor).toBeNull();
    const total = new Set([...ids, ...second.entries.map((e) => e.id)]);
    expect(total.size).toBe(50 + second.entries.length);

    const switches = await operator.operator.auditLog({
      organizationId: standard,
      action: "policy.profile_changed",
    });
    expect(switches.entries.map((e) => e.after)).toEqual([
      { profile: "standard", overrides: {} },
      { profile: "coworking", overrides: {} },
    ]);
    expect(switches.nextCursor).toBeNull();

    const overridesEverywhere = await operator.operator.auditLog({
      action: "policy.overrides_changed",
    });
    expect(overridesEverywhere.entries[0]).toMatchObject({
      organizationName: "Oakview Rentals",
      after: { overrides: { templates: false } },
    });
    expect(overridesEverywhere.entries.every((e) => e.action === "policy.overrides_changed")).toBe(
      true,
    );

    const nothing = await operator.operator.auditLog({
      organizationId: landlord,
      action: "no.such_action",
    });
    expect(nothing).toEqual({ entries: [], nextCursor: null });
    await operator.operator.setOverrides({ ...(await opened(landlord)), overrides: {} });
  });
});

describe("only operators reach the operator procedures", () => {
  const calls = (id: string) => ({
    organizations: (c: Awaited<ReturnType<Harness["as"]>>) => c.operator.organizations(),
    profiles: (c: Awaited<ReturnType<Harness["as"]>>) => c.operator.profiles(),
    organization: (c: Awaited<ReturnType<Harness["as"]>>) => c.operator.organization({ id }),
    setProfile: (c: Awaited<ReturnType<Harness["as"]>>) =>
      c.operator.setProfile({ organizationId: id, profileId: "connected", settingsVersion: 1 }),
    setOverrides: (c: Awaited<ReturnType<Harness["as"]>>) =>
      c.operator.setOverrides({
        organizationId: id,
        overrides: { readReceipts: "everyone" },
        settingsVersion: 1,
      }),
    auditLog: (c: Awaited<ReturnType<Harness["as"]>>) =>
      c.operator.auditLog({ organizationId: id }),
  });

  it.each([
    "owner@standard.demo",
    "team@standard.demo",
    "resident@standard.demo",
    "pro@landlord-led.demo",
  ])("%s gets FORBIDDEN on every operator procedure and changes nothing", async (email) => {
    const caller = await h.as(email);
    const id = await orgId("standard");
    const auditRows = await countRows(h, "audit_log");
    for (const [name, call] of Object.entries(calls(id))) {
      const error = await errorOf(() => call(caller));
      expect(error.code, name).toBe("FORBIDDEN");
    }
    const org = await h.t.db
      .selectFrom("organizations")
      .select(["policy_profile", "policy_overrides"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(org).toEqual({ policy_profile: "standard", policy_overrides: {} });
    expect(await countRows(h, "audit_log")).toBe(auditRows);
  });

  it("asks someone signed out to sign in", async () => {
    const { caller } = h.anonymous("manager");
    const error = await errorOf(() => caller.operator.organizations());
    expect(error.code).toBe("UNAUTHORIZED");
  });
});
