import { formatKnob, knobLabels } from "./knob-labels";
import { type KnobName, knobNames } from "./knobs";
import type { Policy } from "./policy";

/** One effective rule, as the operator console shows it. */
export interface RuleRow {
  readonly knob: KnobName;
  /** What the rule is about, in words. */
  readonly rule: string;
  /** The effective value, in words. */
  readonly value: string;
  /** The seed file the value comes from, "choice" where the seeds are silent, "organization override", or "customer's choice". */
  readonly source: string;
  /** The seed's sentence, the reason for the choice, or the profile default an override replaced. */
  readonly note: string;
  readonly overridable: boolean;
}

/** Lists a policy's effective rules, one row per knob, in a stable order. */
export function describeRules(policy: Policy): RuleRow[] {
  const { profile, knobs } = policy;
  return knobNames.map((knob) => {
    const base = profile.sources[knob];
    const overridden = policy.overridden.includes(knob);
    const chosen = policy.chosenByCustomer.includes(knob);
    const defaultNote = base.kind === "seed" ? base.says : base.why;
    return {
      knob,
      rule: knobLabels[knob],
      value: formatKnob(knob, knobs[knob]),
      source: overridden
        ? "organization override"
        : chosen
          ? "customer's choice"
          : base.kind === "seed"
            ? base.seed
            : "choice",
      note:
        overridden || chosen
          ? `Profile default: ${formatKnob(knob, profile.defaults[knob])}.`
          : defaultNote,
      overridable: profile.overridable.includes(knob),
    };
  });
}
