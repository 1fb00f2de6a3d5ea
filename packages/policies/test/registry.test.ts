/** The registry, overrides and the rules description. */
import { describe, expect, it } from "vitest";
import {
  choice,
  commonDecisions,
  defineProfile,
  describeRules,
  getProfile,
  knobNames,
  knobsSchema,
  listProfiles,
  type ProfileSettings,
  profileIds,
  resolvePolicy,
} from "../src/index";
import { standardProfile } from "../src/profiles/standard";
import {
  accountOwner,
  expectAllowed,
  expectRefused,
  minutesAgo,
  now,
  pmMode,
  resident,
} from "./fixtures";

function errorsOf(profileId: string, overrides: unknown) {
  const result = resolvePolicy(profileId, overrides);
  if (result.ok) throw new Error("expected the overrides to be refused");
  return result.errors;
}

describe("registry", () => {
  it("registers the four shipped profiles in order", () => {
    expect(profileIds).toEqual(["standard", "connected", "coworking", "landlord-led"]);
    expect(listProfiles().map((profile) => profile.id)).toEqual(profileIds);
    expect(getProfile("connected")?.seeds).toEqual([
      "001_57fd5ed943710372.txt",
      "002_a6a65141a3d7a1b4.txt",
    ]);
    expect(getProfile("nope")).toBeUndefined();
  });

  it.each(profileIds)(
    "%s: defaults are valid knobs, every knob has a source, seed sources cite the profile's seeds",
    (id) => {
      const profile = getProfile(id);
      if (!profile) throw new Error(id);
      expect(knobsSchema.safeParse(profile.defaults).success).toBe(true);
      expect(profile.knobs.parse({})).toEqual(profile.defaults);
      expect(profile.name.length).toBeGreaterThan(0);
      expect(profile.description.length).toBeGreaterThan(0);
      for (const knob of knobNames) {
        const source = profile.sources[knob];
        if (source.kind === "seed") expect(profile.seeds).toContain(source.seed);
        else expect(source.why.length).toBeGreaterThan(10);
      }
    },
  );

  it("refuses a profile whose defaults are invalid", () => {
    const settings = Object.fromEntries(
      knobNames.map((knob) => [
        knob,
        { value: standardProfile.defaults[knob], source: standardProfile.sources[knob] },
      ]),
    ) as ProfileSettings;
    const spec = {
      id: "broken",
      name: "Broken",
      description: "",
      seeds: [],
      vocabulary: standardProfile.vocabulary,
    };
    expect(() =>
      defineProfile({
        ...spec,
        settings: { ...settings, editWindowMinutes: { value: -5, source: choice("bad") } },
      }),
    ).toThrow(/broken.*editWindowMinutes/s);
    expect(() => defineProfile({ ...spec, settings })).not.toThrow();
  });

  it("a profile may replace a common rule (coworking's notify), and keeps the rest", () => {
    const coworking = getProfile("coworking");
    expect(coworking?.decisions.notify).not.toBe(commonDecisions.notify);
    expect(coworking?.decisions.startConversation).toBe(commonDecisions.startConversation);
  });
});

describe("resolvePolicy", () => {
  it("without overrides, knobs are the profile defaults", () => {
    for (const overrides of [undefined, null, {}]) {
      const result = resolvePolicy("standard", overrides);
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.policy.knobs).toEqual(standardProfile.defaults);
        expect(result.policy.overridden).toEqual([]);
        expect(result.policy.profile.id).toBe("standard");
      }
    }
  });

  it("a valid override is merged over the defaults and changes decisions", () => {
    const result = resolvePolicy("standard", { editWindowMinutes: 30, readReceipts: "everyone" });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { policy } = result;
    expect(policy.knobs.editWindowMinutes).toBe(30);
    expect(policy.knobs.readReceipts).toBe("everyone");
    expect(policy.knobs.scheduledSend).toBe(true);
    expect(policy.overridden).toEqual(["editWindowMinutes", "readReceipts"]);
    const manager = accountOwner();
    const message = { authorId: manager.userId, sentAt: minutesAgo(20), deletedAt: null };
    expectAllowed(policy.editMessage({ actor: manager, message, now }));
    expectAllowed(policy.seeReadReceipts({ actor: resident() }));
  });

  it("switching profile changes decisions on the next resolve", () => {
    const tenant = resident();
    const start = (id: string) => {
      const result = resolvePolicy(id, {});
      if (!result.ok) throw new Error(id);
      return result.policy.startConversation({
        org: pmMode,
        actor: tenant,
        kind: "direct",
        recipients: [accountOwner()],
      });
    };
    expectAllowed(start("standard"));
    expectRefused(start("landlord-led"), "tenant_cannot_initiate", "can't start a chat");
  });

  it("refuses a knob the profile does not let organizations override, naming it", () => {
    expect(errorsOf("standard", { requireConnection: true })).toEqual([
      {
        path: "requireConnection",
        message: '"requireConnection" can\'t be overridden in the Standard profile.',
      },
    ]);
  });

  it("refuses an unknown knob, naming it", () => {
    expect(errorsOf("connected", { colour: "red" })).toEqual([
      { path: "colour", message: 'Unknown knob "colour".' },
    ]);
  });

  it("refuses values of the wrong type or shape, naming the field", () => {
    expect(errorsOf("standard", { editWindowMinutes: "30" })).toEqual([
      { path: "editWindowMinutes", message: "Expected number, received string" },
    ]);
    expect(errorsOf("standard", { readReceipts: "all" })[0]).toMatchObject({
      path: "readReceipts",
      message: expect.stringContaining("Invalid enum value"),
    });
    expect(errorsOf("standard", { editWindowMinutes: 0 })[0]).toMatchObject({
      path: "editWindowMinutes",
      message: expect.stringContaining("greater than or equal to 1"),
    });
    expect(errorsOf("standard", { attachmentTypes: ["image/*", "exe"] })).toEqual([
      { path: "attachmentTypes.1", message: "Use a MIME type such as image/png or image/*" },
    ]);
    expect(errorsOf("standard", { initiators: ["resident", "resident"] })).toEqual([
      { path: "initiators", message: "Values must not repeat" },
    ]);
  });

  it("reports every problem at once", () => {
    const errors = errorsOf("coworking", { memberMessaging: "yes", board: true, shiny: 1 });
    expect(errors.map((error) => error.path)).toEqual(["memberMessaging", "board", "shiny"]);
  });

  it("refuses overrides that are not an object, and unknown profiles", () => {
    expect(errorsOf("standard", ["readReceipts"])).toEqual([
      { path: "overrides", message: "Overrides must be an object of knob names to values." },
    ]);
    expect(errorsOf("standard", "readReceipts=everyone")[0]?.path).toBe("overrides");
    expect(errorsOf("gmail", {})).toEqual([
      {
        path: "profile",
        message:
          'Unknown policy profile "gmail". Known profiles: standard, connected, coworking, landlord-led.',
      },
    ]);
  });
});

describe("describeRules", () => {
  it("lists one readable row per knob with its seed or 'choice'", () => {
    const result = resolvePolicy("standard", {});
    if (!result.ok) throw new Error("standard");
    const rows = describeRules(result.policy);
    expect(rows).toHaveLength(knobNames.length);
    expect(rows.find((row) => row.knob === "scheduledSend")).toEqual({
      knob: "scheduledSend",
      rule: "Scheduled send",
      value: "on",
      source: "000_961bdf50a86a105e.txt",
      note: "Send your message immediately or schedule it for later delivery at a specific date and time.",
      overridable: false,
    });
    expect(rows.find((row) => row.knob === "maxAttachmentBytes")).toMatchObject({
      value: "25 MB",
      source: "choice",
      overridable: true,
    });
    expect(rows.find((row) => row.knob === "startLeaseStatuses")?.value).toBe("active, future");
  });

  it("marks overridden knobs and keeps the profile default in the note", () => {
    const result = resolvePolicy("standard", { readReceipts: "everyone" });
    if (!result.ok) throw new Error("standard");
    expect(describeRules(result.policy).find((row) => row.knob === "readReceipts")).toMatchObject({
      value: "everyone",
      source: "organization override",
      note: "Profile default: managers.",
    });
  });
});
