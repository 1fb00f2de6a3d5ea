/** Knobs as form fields: input kind, choices, value and default, for the operator's and the customer's forms. */
import {
  createPolicy,
  describeRules,
  type KnobName,
  type Knobs,
  knobNames,
  knobsSchema,
  type PolicyProfile,
} from "@hearth/policies";
import { z } from "zod";

/** A knob's value: a switch, a number, one word of a set, or a list. */
export type KnobValue = Knobs[KnobName];

/** How a form edits a knob. */
export type KnobFieldKind = "boolean" | "enum" | "number" | "string" | "list";

/** One overridable knob as a form needs it: input kind, choices, value and profile default. */
export interface KnobField {
  readonly knob: KnobName;
  /** What the knob is about, in words (the rules table's "rule"). */
  readonly label: string;
  readonly kind: KnobFieldKind;
  /** The allowed values of an enum, or of a list's items; absent for free text. */
  readonly options?: readonly string[];
  /** Each option in words ("service_pro" → "service pros"). */
  readonly optionLabels?: Readonly<Record<string, string>>;
  /** Bounds of a number. */
  readonly min?: number;
  readonly max?: number;
  /** Unit of a number. */
  readonly unit?: "bytes" | "minutes";
  /** What each item of a free-text list must look like. */
  readonly hint?: string;
  /** The effective value: the organization's override, or the profile default. */
  readonly value: KnobValue;
  readonly valueLabel: string;
  readonly defaultValue: KnobValue;
  readonly defaultLabel: string;
  /** A value is stored for this knob (the operator's override, or the customer's choice). */
  readonly overridden: boolean;
}

type ZodLike = z.ZodTypeAny;
const Kind = z.ZodFirstPartyTypeKind;

/** Peels wrappers (readonly, refinements, optional, default) off a schema. */
function unwrap(schema: ZodLike): ZodLike {
  let current = schema;
  for (;;) {
    const def = current._def;
    if (
      def.typeName === Kind.ZodReadonly ||
      def.typeName === Kind.ZodOptional ||
      def.typeName === Kind.ZodNullable ||
      def.typeName === Kind.ZodDefault
    )
      current = def.innerType;
    else if (def.typeName === Kind.ZodEffects) current = def.schema;
    else return current;
  }
}

const numberUnits: Partial<Record<KnobName, "bytes" | "minutes">> = {
  maxAttachmentBytes: "bytes",
  editWindowMinutes: "minutes",
  deleteWindowMinutes: "minutes",
};

type FieldShape = Pick<KnobField, "kind" | "options" | "min" | "max" | "unit" | "hint">;

/** Reads a knob's input kind and constraints from its zod schema. */
function shapeOf(knob: KnobName): FieldShape {
  const schema = unwrap(knobsSchema.shape[knob]);
  switch (schema._def.typeName) {
    case Kind.ZodBoolean:
      return { kind: "boolean" };
    case Kind.ZodEnum:
      return { kind: "enum", options: [...(schema as z.ZodEnum<[string]>).options] };
    case Kind.ZodNumber: {
      const number = schema as z.ZodNumber;
      return {
        kind: "number",
        ...(number.minValue !== null ? { min: number.minValue } : {}),
        ...(number.maxValue !== null ? { max: number.maxValue } : {}),
        ...(numberUnits[knob] ? { unit: numberUnits[knob] } : {}),
      };
    }
    case Kind.ZodString:
      return { kind: "string" };
    case Kind.ZodArray: {
      const item = unwrap((schema as z.ZodArray<ZodLike>).element);
      if (item._def.typeName === Kind.ZodEnum)
        return { kind: "list", options: [...(item as z.ZodEnum<[string]>).options] };
      const pattern = (item as z.ZodString)._def.checks?.find((check) => check.kind === "regex");
      return { kind: "list", ...(pattern?.message ? { hint: pattern.message } : {}) };
    }
    default:
      throw new Error(`Knob "${knob}" has a schema the operator console cannot edit.`);
  }
}

const shapes = new Map(knobNames.map((knob) => [knob, shapeOf(knob)]));

/** A knob value in words, as the rules table writes it ("25 MB", "residents, owners"). */
export function knobInWords(profile: PolicyProfile, knob: KnobName, value: unknown): string {
  const policy = createPolicy(profile, { ...profile.defaults, [knob]: value }, []);
  return describeRules(policy).find((row) => row.knob === knob)?.value ?? String(value);
}

/**
 * The form fields for some of a profile's knobs (the operator's overridable ones, or the
 * customer's editable ones), filled from the stored values (overrides or the customer's choices).
 */
export function knobFields(
  profile: PolicyProfile,
  knobs: readonly KnobName[],
  storedValues: Record<string, unknown> | null,
): KnobField[] {
  const stored = storedValues ?? {};
  const labels = new Map(
    describeRules(createPolicy(profile, profile.defaults, [])).map((row) => [row.knob, row.rule]),
  );
  return knobs.map((knob) => {
    const shape = shapes.get(knob) ?? shapeOf(knob);
    const defaultValue = profile.defaults[knob];
    const overridden = Object.hasOwn(stored, knob);
    // A stored value that no longer parses shows the default; `problems` names it.
    const parsed = overridden ? knobsSchema.shape[knob].safeParse(stored[knob]) : null;
    const value = (parsed?.success ? parsed.data : defaultValue) as KnobValue;
    const optionLabels = shape.options
      ? Object.fromEntries(
          shape.options.map((option) => [
            option,
            knobInWords(profile, knob, shape.kind === "list" ? [option] : option),
          ]),
        )
      : undefined;
    return {
      knob,
      label: labels.get(knob) ?? knob,
      ...shape,
      ...(optionLabels ? { optionLabels } : {}),
      value,
      valueLabel: knobInWords(profile, knob, value),
      defaultValue,
      defaultLabel: knobInWords(profile, knob, defaultValue),
      overridden,
    };
  });
}
