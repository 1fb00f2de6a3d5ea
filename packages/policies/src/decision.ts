import type { RefusalCode } from "./codes";

/** An allowed decision: the action may go ahead. */
export interface Allowed {
  readonly allowed: true;
  readonly code: "ok";
  /** A short note on why, for logs and operator tooling. */
  readonly reason: string;
}

/** A refused decision: a stable machine code and a sentence the UI can show as is. */
export interface Refused {
  readonly allowed: false;
  readonly code: RefusalCode;
  readonly reason: string;
}

/** What every policy decision returns. */
export type Decision = Allowed | Refused;

/**
 * The result of one internal check: a refusal, or `undefined` when the check passes. Checks chain
 * with `??`, so a rule reads as the list of its checks followed by the allowed outcome.
 */
export type Check = Refused | undefined;

/** Builds an allowed decision. */
export function allow(reason: string): Allowed {
  return { allowed: true, code: "ok", reason };
}

/** Builds a refused decision. */
export function deny(code: RefusalCode, reason: string): Refused {
  return { allowed: false, code, reason };
}

/** Turns a decision back into a check, to reuse a public decision inside another rule. */
export function refusalOf(decision: Decision): Check {
  return decision.allowed ? undefined : decision;
}
