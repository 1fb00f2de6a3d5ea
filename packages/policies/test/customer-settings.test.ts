import { describe, expect, it } from "vitest";
import {
  customerSettingWords,
  getProfile,
  grantablePermissions,
  type KnobName,
  parseCustomerChoices,
  resolvePolicy,
} from "../src/index";
import {
  accountOwner,
  expectAllowed,
  expectRefused,
  policyOf,
  resident,
  subUser,
} from "./fixtures";

function profile(id: string) {
  const found = getProfile(id);
  if (!found) throw new Error(`no profile ${id}`);
  return found;
}

describe("what each profile lets the customer change", () => {
  const expected: Record<string, { knobs: KnobName[]; mode: boolean }> = {
    // Seed 000: "Control who can initiate conversations and manage read receipt visibility."
    standard: { knobs: ["initiators", "readReceipts"], mode: false },
    // Seed 001: the Owners channel only in Property Manager Mode, which the landlord switches.
    connected: { knobs: ["readReceipts"], mode: true },
    // Seed 003: "You can allow your members to communicate with each other".
    coworking: { knobs: ["memberMessaging"], mode: false },
    // Seed 004: tenants may not start chats on purpose; nothing else is the landlord's to change.
    "landlord-led": { knobs: [], mode: false },
  };
  for (const [id, { knobs, mode }] of Object.entries(expected)) {
    it(`${id}: ${knobs.join(", ") || "nothing"}${mode ? " and the account mode" : ""}`, () => {
      expect(profile(id).customerEditable).toEqual(knobs);
      expect(profile(id).customerChoosesMode).toBe(mode);
    });
  }

  it("refuses a knob the profile keeps, by name, and changes nothing", () => {
    const result = parseCustomerChoices(profile("landlord-led"), { initiators: ["resident"] });
    expect(result).toEqual({
      ok: false,
      errors: [{ path: "initiators", message: expect.stringContaining("not yours to change") }],
    });
    const coworking = parseCustomerChoices(profile("coworking"), { readReceipts: "everyone" });
    expect(coworking.ok).toBe(false);
  });

  it("refuses a bad value and a knob the operator fixed", () => {
    const bad = parseCustomerChoices(profile("standard"), { readReceipts: "sometimes" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]?.path).toBe("readReceipts");
    const fixed = parseCustomerChoices(profile("standard"), { readReceipts: "everyone" }, [
      "readReceipts",
    ]);
    expect(fixed.ok).toBe(false);
    if (!fixed.ok) expect(fixed.errors[0]?.message).toContain("operator");
  });
});

describe("resolving with the customer's choices", () => {
  it("the customer's choice applies and is marked as theirs", () => {
    const result = resolvePolicy("standard", {}, { readReceipts: "everyone" });
    if (!result.ok) throw new Error("did not resolve");
    expect(result.policy.knobs.readReceipts).toBe("everyone");
    expect(result.policy.chosenByCustomer).toEqual(["readReceipts"]);
    expectAllowed(result.policy.seeReadReceipts({ actor: resident() }));
  });

  it("the operator's override wins over the customer's choice", () => {
    const result = resolvePolicy(
      "standard",
      { readReceipts: "nobody" },
      { readReceipts: "everyone" },
    );
    if (!result.ok) throw new Error("did not resolve");
    expect(result.policy.knobs.readReceipts).toBe("nobody");
    expect(result.policy.chosenByCustomer).toEqual([]);
  });

  it("a stored choice the profile no longer allows is left out, not an error", () => {
    const result = resolvePolicy("landlord-led", {}, { initiators: ["resident"] });
    if (!result.ok) throw new Error("did not resolve");
    expect(result.policy.knobs.initiators).toEqual([]);
  });

  it("coworking: the customer turns member-to-member messages on", () => {
    const off = policyOf("coworking");
    const on = resolvePolicy("coworking", {}, { memberMessaging: true });
    if (!on.ok) throw new Error("did not resolve");
    expect(off.knobs.memberMessaging).toBe(false);
    expect(on.policy.knobs.memberMessaging).toBe(true);
  });
});

describe("who changes the settings and the team's permissions", () => {
  it("standard: the owner; a sub-user only with the settings permission; never a resident", () => {
    const policy = policyOf("standard");
    expectAllowed(policy.changeSettings({ actor: accountOwner() }));
    expectRefused(
      policy.changeSettings({ actor: subUser() }),
      "settings_owner_only",
      "account owner",
    );
    expectAllowed(policy.changeSettings({ actor: subUser({ permissions: ["settings.manage"] }) }));
    expectRefused(
      policy.changeSettings({ actor: resident() }),
      "settings_managers_only",
      "managers",
    );
  });

  it("landlord-led: the main user only, whatever the permission (seed 004)", () => {
    const policy = policyOf("landlord-led");
    expectAllowed(policy.changeSettings({ actor: accountOwner() }));
    expectRefused(
      policy.changeSettings({ actor: subUser({ permissions: ["settings.manage"] }) }),
      "settings_owner_only",
      "Only the account owner",
    );
  });

  it("only the account owner grants permissions, even to a sub-user who may change settings", () => {
    for (const id of ["standard", "connected", "coworking", "landlord-led"]) {
      const policy = policyOf(id);
      expectAllowed(policy.manageTeamPermissions({ actor: accountOwner() }));
      expectRefused(
        policy.manageTeamPermissions({ actor: subUser({ permissions: ["settings.manage"] }) }),
        "team_permissions_owner_only",
        "account owner",
      );
    }
  });

  it("offers only the permissions that change something in each profile", () => {
    const names = (id: string) =>
      grantablePermissions(policyOf(id).knobs).map((grant) => grant.permission);
    expect(names("standard")).toEqual(["templates.manage", "settings.manage"]);
    expect(names("standard")).not.toContain("messaging.broadcast");
    expect(
      grantablePermissions(policyOf("standard", { broadcasts: true }).knobs).map(
        (grant) => grant.permission,
      ),
    ).toContain("messaging.broadcast");
    expect(names("connected")).toEqual(["board.manage", "settings.manage"]);
    expect(names("landlord-led")).toEqual(["templates.manage"]);
  });
});

describe("the customer's page speaks the profile's words", () => {
  it("members in a space, tenants for a landlord, residents in standard", () => {
    const words = (id: string) => profile(id).vocabulary;
    expect(customerSettingWords("memberMessaging", words("coworking")).label).toBe(
      "Members may message each other",
    );
    expect(customerSettingWords("readReceipts", words("connected")).optionLabels?.everyone).toBe(
      "Everyone, tenants too",
    );
    expect(customerSettingWords("initiators", words("standard")).optionLabels?.resident).toBe(
      "Residents",
    );
  });
});
