/** Test helpers: people, conversations and resolved policies with sensible defaults. */
import { expect } from "vitest";
import {
  type Actor,
  type ConversationFacts,
  type Decision,
  type OrganizationFacts,
  type Party,
  type Policy,
  type RefusalCode,
  resolvePolicy,
} from "../src/index";

export const pmMode: OrganizationFacts = { mode: "property_manager" };
export const landlordMode: OrganizationFacts = { mode: "landlord" };

/** The resolved policy of a profile; fails the test when it does not resolve. */
export function policyOf(profileId: string, overrides: unknown = {}): Policy {
  const result = resolvePolicy(profileId, overrides);
  if (!result.ok) throw new Error(`Policy did not resolve: ${JSON.stringify(result.errors)}`);
  return result.policy;
}

const base = { permissions: [] as readonly string[], memberStatus: "active" } as const;

export function accountOwner(extra: Partial<Actor> = {}): Actor {
  return {
    ...base,
    userId: "owner-1",
    kind: "manager",
    managerRole: "account_owner",
    connection: "connected",
    leaseStatus: "none",
    ...extra,
  };
}

export function subUser(extra: Partial<Actor> = {}): Actor {
  return {
    ...base,
    userId: "sub-1",
    kind: "manager",
    managerRole: "sub_user",
    connection: "connected",
    leaseStatus: "none",
    ...extra,
  };
}

export function resident(userId = "res-1", extra: Partial<Actor> = {}): Actor {
  return {
    ...base,
    userId,
    kind: "resident",
    managerRole: null,
    connection: "connected",
    leaseStatus: "active",
    ...extra,
  };
}

export function servicePro(extra: Partial<Actor> = {}): Actor {
  return {
    ...base,
    userId: "pro-1",
    kind: "service_pro",
    managerRole: null,
    connection: "connected",
    leaseStatus: "none",
    ...extra,
  };
}

export function owner(extra: Partial<Actor> = {}): Actor {
  return {
    ...base,
    userId: "landowner-1",
    kind: "owner",
    managerRole: null,
    connection: "connected",
    leaseStatus: "none",
    ...extra,
  };
}

export function operator(): Actor {
  return {
    ...base,
    userId: "op-1",
    kind: "operator",
    managerRole: null,
    connection: "none",
    leaseStatus: "none",
  };
}

export function conversation(
  kind: ConversationFacts["kind"],
  participants: readonly Party[],
  extra: Partial<ConversationFacts> = {},
): ConversationFacts {
  return { kind, participants, noReply: false, createdByKind: "manager", ...extra };
}

export function expectAllowed(decision: Decision): void {
  expect(decision, decision.reason).toMatchObject({ allowed: true, code: "ok" });
  expect(decision.reason.length).toBeGreaterThan(0);
}

/** Asserts a refusal with this code and a reason matching `reason` (a substring or a pattern). */
export function expectRefused(
  decision: Decision,
  code: RefusalCode,
  reason: string | RegExp,
): void {
  expect(decision.allowed).toBe(false);
  expect(decision.code).toBe(code);
  if (typeof reason === "string") expect(decision.reason).toContain(reason);
  else expect(decision.reason).toMatch(reason);
}

export const now = new Date("2025-03-10T12:00:00Z");
export const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
