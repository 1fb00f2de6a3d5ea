/** The profiles this deployment knows. Adding one: write its module, then add it to `profiles`. */
import { applicableCustomerChoices } from "./customer-settings";
import type { KnobName } from "./knobs";
import { type OverrideError, parseOverrides } from "./overrides";
import { createPolicy, type Policy } from "./policy";
import type { PolicyProfile } from "./profile";
import { connectedProfile } from "./profiles/connected";
import { coworkingProfile } from "./profiles/coworking";
import { landlordLedProfile } from "./profiles/landlord-led";
import { standardProfile } from "./profiles/standard";

const profiles: readonly PolicyProfile[] = [
  standardProfile,
  connectedProfile,
  coworkingProfile,
  landlordLedProfile,
];

const byId = new Map(profiles.map((profile) => [profile.id, profile]));

/** Ids of every registered profile, in registration order. */
export const profileIds: readonly string[] = profiles.map((profile) => profile.id);

/** The profile with this id, or undefined. */
export function getProfile(id: string): PolicyProfile | undefined {
  return byId.get(id);
}

/** Every registered profile. */
export function listProfiles(): readonly PolicyProfile[] {
  return profiles;
}

/** A policy ready to decide, or every problem with the profile id or the overrides. */
export type ResolveResult =
  | { readonly ok: true; readonly policy: Policy }
  | { readonly ok: false; readonly errors: readonly OverrideError[] };

/**
 * Resolves an organization's policy: its profile's defaults, then the customer's own choices
 * (only knobs the profile lets the customer change), then the operator's overrides, which win.
 * Cheap enough to call on every request, so a profile switch or a settings change takes effect
 * on the next one.
 */
export function resolvePolicy(
  profileId: string,
  overrides: unknown,
  customerChoices: unknown = {},
): ResolveResult {
  const profile = byId.get(profileId);
  if (!profile) {
    return {
      ok: false,
      errors: [
        {
          path: "profile",
          message: `Unknown policy profile "${profileId}". Known profiles: ${profileIds.join(", ")}.`,
        },
      ],
    };
  }
  const knobs = parseOverrides(profile, overrides);
  if (!knobs.ok) return knobs;
  const choices = applicableCustomerChoices(profile, customerChoices);
  const chosen = (Object.keys(choices) as KnobName[]).filter(
    (name) => !knobs.overridden.includes(name),
  );
  const merged = { ...knobs.knobs };
  for (const name of chosen) Object.assign(merged, { [name]: choices[name] });
  return { ok: true, policy: createPolicy(profile, merged, knobs.overridden, chosen) };
}
