import { z } from "zod";

/**
 * Shared input building blocks. Every router builds its schemas from these, so a bound or a
 * refusal is decided once: ids fit their columns, text is well-formed, names render as written.
 */

/** Postgres bigint holds more, but a JSON number is exact only up to 2^53 - 1. */
export const MAX_BIGINT_ID = Number.MAX_SAFE_INTEGER;
/** Postgres integer. */
export const MAX_INT4 = 2_147_483_647;

/** A row id of a bigint identity column (messages, audit log …), also used as a keyset cursor. */
export const bigintId = () =>
  z
    .number()
    .int("Use a whole number")
    .positive("Use a positive id")
    .max(MAX_BIGINT_ID, "No such id");

/** A counter stored in an integer column (e.g. a settings version). */
export const int4 = () =>
  z.number().int("Use a whole number").positive().max(MAX_INT4, "Too large");

/** What tRPC's infinite queries add to a paged input beside `cursor`; the pages only go back. */
export const infiniteQueryDirection = z.enum(["forward", "backward"]).optional();

export const uuid = () => z.string().uuid("Not a valid id");

/**
 * Bidi embedding, override and isolate controls, and the invisible direction marks (LRM, RLM,
 * ALM): in a name shown to someone else they can make the text around it read backwards
 * ("gpj.exe" as "exe.jpg"). Migration 0008 removed them from the names stored before.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

/** A person's or a conversation's name: trimmed, without bidi controls. */
export const displayName = (max = 200) =>
  z
    .string()
    .transform((value) => stripBidiControls(value).trim())
    .pipe(z.string().min(1, "Enter a name").max(max, `Use at most ${max} characters`));

/** A time zone Intl knows ("Europe/Paris"); anything else would throw on every later use. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name, as a field. */
export const timeZoneName = () =>
  z
    .string()
    .max(64, "Choose a time zone")
    .pipe(z.string().refine(isKnownTimeZone, "Choose a time zone"));

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as text (Postgres refuses NUL; lone surrogates are not UTF-8). */
export function textProblem(value: string): string | null {
  if (value.includes("\u0000")) return "Remove the NUL character";
  if (LONE_SURROGATE.test(value)) return "Contains an invalid character";
  return null;
}

/**
 * Every string of a raw input (values and keys, at any depth) that cannot be text, as zod issues
 * with the field's path. Checked before any schema runs, so no procedure can forget it.
 */
export function malformedTextIssues(input: unknown): z.ZodIssue[] {
  const issues: z.ZodIssue[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown, path: (string | number)[]) => {
    if (issues.length >= 20) return;
    if (typeof value === "string") {
      const problem = textProblem(value);
      if (problem) issues.push({ code: z.ZodIssueCode.custom, path, message: problem });
      return;
    }
    if (typeof value !== "object" || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(item, [...path, index]);
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) issues.push({ code: z.ZodIssueCode.custom, path, message: problem });
      else visit(item, [...path, key]);
    }
  };
  visit(input, []);
  return issues;
}

/** A 6-digit code from an authenticator app; spaces (as apps show "123 456") are ignored. */
export const oneTimeCode = () =>
  z
    .string()
    .max(20, "Enter the 6-digit code from your authenticator app.")
    .transform((value) => value.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app."));
