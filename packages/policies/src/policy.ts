import type { Decision } from "./decision";
import type { BoundDecisions, DecisionName, RuleSettings } from "./decisions";
import type { KnobName, Knobs } from "./knobs";
import type { PolicyProfile } from "./profile";

/**
 * A profile resolved for one organization: every decision as a method taking only facts, with the
 * effective knobs (defaults merged with the organization's overrides) already applied.
 */
export interface Policy extends BoundDecisions {
  readonly profile: PolicyProfile;
  readonly knobs: Knobs;
  /** Knobs whose value comes from the organization's overrides. */
  readonly overridden: readonly KnobName[];
  /** Knobs whose value is the customer's own choice (and no operator override replaces it). */
  readonly chosenByCustomer: readonly KnobName[];
}

/** Binds a profile's decisions to effective knobs. Use `resolvePolicy` to get validated knobs. */
export function createPolicy(
  profile: PolicyProfile,
  knobs: Knobs,
  overridden: readonly KnobName[],
  chosenByCustomer: readonly KnobName[] = [],
): Policy {
  const names = Object.keys(profile.decisions) as DecisionName[];
  const settings: RuleSettings = { ...knobs, words: profile.vocabulary };
  // Each decision keeps its own input type; widening the input here only lets one loop bind them all.
  const bound = Object.fromEntries(
    names.map((name) => {
      const rule = profile.decisions[name] as (knobs: RuleSettings, input: unknown) => Decision;
      return [name, (input: unknown) => rule(settings, input)];
    }),
  ) as unknown as BoundDecisions;
  return { ...bound, profile, knobs, overridden, chosenByCustomer };
}
