import type { z } from "zod";
import { isKnobName, type KnobName, type Knobs, knobsSchema } from "./knobs";
import type { PolicyProfile } from "./profile";

/** One problem with an organization's overrides, named by the field at fault. */
export interface OverrideError {
  /** The knob, or the knob and the position inside it ("attachmentTypes.1"); "overrides" for the whole value. */
  readonly path: string;
  readonly message: string;
}

/** Effective knobs, or every problem found. */
export type KnobsResult =
  | { readonly ok: true; readonly knobs: Knobs; readonly overridden: readonly KnobName[] }
  | { readonly ok: false; readonly errors: readonly OverrideError[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function issuesOf(name: string, error: z.ZodError): OverrideError[] {
  return error.issues.map((issue) => ({
    path: [name, ...issue.path].join("."),
    message: issue.message,
  }));
}

/**
 * Validates an organization's overrides against a profile: only known, overridable knobs with
 * valid values. Null or undefined means no overrides. Reports every problem, not just the first.
 */
export function parseOverrides(profile: PolicyProfile, overrides: unknown): KnobsResult {
  if (overrides === undefined || overrides === null) {
    return { ok: true, knobs: profile.defaults, overridden: [] };
  }
  if (!isPlainObject(overrides)) {
    return {
      ok: false,
      errors: [
        { path: "overrides", message: "Overrides must be an object of knob names to values." },
      ],
    };
  }
  const errors: OverrideError[] = [];
  const valid: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(overrides)) {
    if (!isKnobName(name)) {
      errors.push({ path: name, message: `Unknown knob "${name}".` });
    } else if (!profile.overridable.includes(name)) {
      errors.push({
        path: name,
        message: `"${name}" can't be overridden in the ${profile.name} profile.`,
      });
    } else {
      const parsed = knobsSchema.shape[name].safeParse(value);
      if (parsed.success) valid[name] = parsed.data;
      else errors.push(...issuesOf(name, parsed.error));
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const merged = profile.knobs.safeParse(valid);
  if (!merged.success) return { ok: false, errors: issuesOf("overrides", merged.error) };
  return { ok: true, knobs: merged.data, overridden: Object.keys(valid).filter(isKnobName) };
}
