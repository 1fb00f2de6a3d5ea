import type { Actor, Decision, Policy } from "@hearth/policies";
import { resolvePolicy } from "@hearth/policies";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { PolicyRefusal } from "../trpc";
import { loadParties, organizationFacts } from "./facts";

export interface PolicyScope {
  policy: Policy;
  org: { id: string; mode: "landlord" | "property_manager"; timezone: string; profile: string };
  orgFacts: ReturnType<typeof organizationFacts>;
  actor: Actor;
  now: Date;
}

/**
 * The one way procedures consult the organization's policy. The profile and overrides are read on
 * every request, so an operator's switch takes effect on the very next one.
 */
export async function policyScope(
  ctx: Context & { organizationId: string; user: { id: string } },
): Promise<PolicyScope> {
  const org = await ctx.db
    .selectFrom("organizations")
    .select(["id", "mode", "timezone", "policy_profile", "policy_overrides"])
    .where("id", "=", ctx.organizationId)
    .executeTakeFirstOrThrow();
  const resolved = resolvePolicy(org.policy_profile, org.policy_overrides);
  if (!resolved.ok) {
    ctx.log.error(
      { errors: resolved.errors, organizationId: org.id },
      "organization has an invalid policy",
    );
    throw new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      message: "This organization's messaging settings are invalid.",
    });
  }
  const now = ctx.clock.now();
  const actor = (await loadParties(ctx.db, org.id, [ctx.user.id], now, org.timezone)).get(
    ctx.user.id,
  );
  if (!actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return {
    policy: resolved.policy,
    org: { id: org.id, mode: org.mode, timezone: org.timezone, profile: org.policy_profile },
    orgFacts: organizationFacts(org),
    actor,
    now,
  };
}

/** Throws FORBIDDEN carrying the policy's code and reason when the decision refuses. */
export function enforce(decision: Decision): void {
  if (decision.allowed) return;
  throw new TRPCError({
    code: "FORBIDDEN",
    message: decision.reason,
    cause: new PolicyRefusal(decision.code, decision.reason),
  });
}
