/**
 * The customer's own choices: knobs the profile lets the organization change on its Settings page.
 * They are stored apart from the operator's overrides; the operator's override of a knob wins.
 */
import { knobLabels } from "./knob-labels";
import { isKnobName, type KnobName, type Knobs, knobsSchema } from "./knobs";
import type { OverrideError } from "./overrides";
import { permissions, SETTINGS_PERMISSION, SHARED_TEMPLATES_PERMISSION } from "./permissions";
import type { PolicyProfile } from "./profile";
import { capitalized, type Vocabulary } from "./vocabulary";

/** The customer's valid choices, or every problem found. */
export type CustomerChoicesResult =
  | { readonly ok: true; readonly choices: Partial<Knobs> }
  | { readonly ok: false; readonly errors: readonly OverrideError[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks what a customer asks to save: only knobs the profile lets the customer change, each with
 * a valid value, and none the operator has fixed. Reports every problem by the knob's name.
 */
export function parseCustomerChoices(
  profile: PolicyProfile,
  choices: unknown,
  fixedByOperator: readonly KnobName[] = [],
): CustomerChoicesResult {
  if (!isPlainObject(choices))
    return { ok: false, errors: [{ path: "choices", message: "Choices must be an object." }] };
  const errors: OverrideError[] = [];
  const valid: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(choices)) {
    if (!isKnobName(name)) {
      errors.push({ path: name, message: `Unknown setting "${name}".` });
    } else if (!profile.customerEditable.includes(name)) {
      errors.push({ path: name, message: `"${name}" is not yours to change in this plan.` });
    } else if (fixedByOperator.includes(name)) {
      errors.push({ path: name, message: `"${name}" was fixed by the platform operator.` });
    } else {
      const parsed = knobsSchema.shape[name].safeParse(value);
      if (parsed.success) valid[name] = parsed.data;
      else
        errors.push(
          ...parsed.error.issues.map((issue) => ({
            path: [name, ...issue.path].join("."),
            message: issue.message,
          })),
        );
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, choices: valid as Partial<Knobs> };
}

/**
 * The stored choices that still apply: a knob the profile no longer lets the customer change (the
 * operator switched profiles) or a value that no longer parses is left out, never an error, so a
 * customer's old choice can't break the organization.
 */
export function applicableCustomerChoices(profile: PolicyProfile, stored: unknown): Partial<Knobs> {
  if (!isPlainObject(stored)) return {};
  const applicable: Record<string, unknown> = {};
  for (const name of profile.customerEditable) {
    if (!Object.hasOwn(stored, name)) continue;
    const parsed = knobsSchema.shape[name].safeParse(stored[name]);
    if (parsed.success) applicable[name] = parsed.data;
  }
  return applicable as Partial<Knobs>;
}

/** A permission the account owner can give a sub-user, in words. */
export interface GrantablePermission {
  readonly permission: string;
  readonly label: string;
}

/**
 * The permissions that change something under these knobs: a capability the profile gives
 * sub-users "with permission", and shared templates where templates exist.
 */
export function grantablePermissions(knobs: Knobs): GrantablePermission[] {
  const grantable: GrantablePermission[] = [];
  if (knobs.subUserChat === "with_permission")
    grantable.push({ permission: permissions.chat, label: "Chat with contacts" });
  if (knobs.broadcasts && knobs.subUserBroadcast === "with_permission")
    grantable.push({ permission: permissions.broadcast, label: "Send broadcasts" });
  if (knobs.board && knobs.subUserBoard === "with_permission")
    grantable.push({ permission: permissions.board, label: "Manage the message board" });
  if (knobs.templates)
    grantable.push({ permission: SHARED_TEMPLATES_PERMISSION, label: "Manage shared templates" });
  if (knobs.subUserSettings === "with_permission")
    grantable.push({
      permission: SETTINGS_PERMISSION,
      label: "Change the organization's settings",
    });
  return grantable;
}

/** How a setting reads on the customer's own page, in the profile's words. */
export interface CustomerSettingWords {
  readonly label: string;
  readonly hint?: string;
  /** Each option (of an enum or a list) in words; a switch has none. */
  readonly optionLabels?: Readonly<Record<string, string>>;
}

/** The customer's page speaks the profile's vocabulary ("members" in a space, "tenants" elsewhere). */
export function customerSettingWords(knob: KnobName, words: Vocabulary): CustomerSettingWords {
  const people = words.resident.many;
  switch (knob) {
    case "initiators":
      return {
        label: "Who may start a conversation with your team",
        hint: "Your team can always start one.",
        optionLabels: {
          resident: capitalized(people),
          service_pro: "Service pros",
          owner: "Owners",
        },
      };
    case "readReceipts":
      return {
        label: 'Who sees read receipts ("Seen by")',
        optionLabels: {
          everyone: `Everyone, ${people} too`,
          managers: "Your team only",
          nobody: "Nobody",
        },
      };
    case "memberMessaging":
      return {
        label: `${capitalized(people)} may message each other`,
        hint: `Each active ${words.resident.one} can write to one other ${words.resident.one} at a time.`,
      };
    default:
      return { label: knobLabels[knob] };
  }
}

/** The account mode in words (seed 001: the Owners channel only in property-manager mode). */
export const organizationModeLabels = {
  landlord: "Landlord",
  property_manager: "Property manager (adds the Owners channel)",
} as const;
