import type { z } from "zod";
import type { DecisionSet } from "./decisions";
import { type KnobName, type Knobs, knobNames, knobsSchema } from "./knobs";
import { commonDecisions } from "./rules";
import type { Vocabulary } from "./vocabulary";

/** Where a knob's value comes from: a sentence of a vendor article, or our choice where it is silent. */
export type RuleSource =
  | { readonly kind: "seed"; readonly seed: string; readonly says: string }
  | { readonly kind: "choice"; readonly why: string };

/** A rule stated by a seed file; `says` quotes or closely paraphrases the sentence. */
export function fromSeed(seed: string, says: string): RuleSource {
  return { kind: "seed", seed, says };
}

/** A value chosen where the seeds are silent; `why` is one line for the README and the console. */
export function choice(why: string): RuleSource {
  return { kind: "choice", why };
}

/** One knob of a profile: its default, where it comes from, and whether organizations may change it. */
export interface KnobSetting<K extends KnobName> {
  readonly value: Knobs[K];
  readonly source: RuleSource;
  readonly overridable?: boolean;
  /** The customer (account owner, or a sub-user allowed to) may change it on their Settings page. */
  readonly customerEditable?: boolean;
}

/** Every knob of a profile, each with its setting. */
export type ProfileSettings = { readonly [K in KnobName]: KnobSetting<K> };

/** The zod schema of a profile's knobs: it takes an organization's overrides and fills in defaults. */
export type ProfileKnobsSchema = z.ZodType<
  Knobs,
  z.ZodTypeDef,
  Partial<z.input<typeof knobsSchema>>
>;

/**
 * A policy profile: a named, swappable set of messaging rules reproducing one vendor's behaviour.
 * Resolve it with `resolvePolicy` to get the decisions with an organization's knobs applied.
 */
export interface PolicyProfile {
  /** Slug stored on the organization. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Seed files (vendor articles) the profile reproduces. */
  readonly seeds: readonly string[];
  /** Validates overrides and merges them over the defaults. It does not check `overridable`. */
  readonly knobs: ProfileKnobsSchema;
  readonly defaults: Knobs;
  /** Knobs an organization may override. */
  readonly overridable: readonly KnobName[];
  /** Knobs the customer may change on their own Settings page; the operator's override still wins. */
  readonly customerEditable: readonly KnobName[];
  /** The customer may switch between landlord and property-manager mode (seed 001). */
  readonly customerChoosesMode: boolean;
  readonly sources: { readonly [K in KnobName]: RuleSource };
  readonly decisions: DecisionSet;
  /** The words its reasons and the apps' sentences use. */
  readonly vocabulary: Vocabulary;
}

/** What a profile module declares. */
export interface ProfileSpec {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly seeds: readonly string[];
  readonly settings: ProfileSettings;
  readonly vocabulary: Vocabulary;
  /** The customer may switch between landlord and property-manager mode; off unless said. */
  readonly customerChoosesMode?: boolean;
  /** Decisions this profile makes differently from the common rules. */
  readonly decisions?: Partial<DecisionSet>;
}

/** Builds a profile from its declaration; throws when the declared defaults are not valid knobs. */
export function defineProfile(spec: ProfileSpec): PolicyProfile {
  const pick = <T>(read: (setting: KnobSetting<KnobName>) => T) =>
    Object.fromEntries(knobNames.map((name) => [name, read(spec.settings[name])]));
  const checked = knobsSchema.safeParse(pick((setting) => setting.value));
  if (!checked.success) {
    throw new Error(`Profile "${spec.id}" has invalid defaults: ${checked.error.message}`);
  }
  const defaults = Object.freeze(checked.data);
  return {
    id: spec.id,
    name: spec.name,
    description: spec.description,
    seeds: spec.seeds,
    knobs: knobsSchema.partial().transform((overrides): Knobs => ({ ...defaults, ...overrides })),
    defaults,
    overridable: knobNames.filter((name) => spec.settings[name].overridable === true),
    customerEditable: knobNames.filter((name) => spec.settings[name].customerEditable === true),
    customerChoosesMode: spec.customerChoosesMode === true,
    // The settings map is keyed by knob, so picking each source keeps that keying.
    sources: pick((setting) => setting.source) as PolicyProfile["sources"],
    decisions: { ...commonDecisions, ...spec.decisions },
    vocabulary: spec.vocabulary,
  };
}
