import { isoDay } from "@hearth/db";
import type { Actor, ConversationFacts, Decision, Party, Policy } from "@hearth/policies";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { PolicyRefusal } from "../trpc";
import { organizationFacts, peopleFromRows, peopleQuery } from "./facts";
import { resolvedPolicy } from "./resolved-policy";

export interface PolicyScope {
  policy: Policy;
  org: { id: string; mode: "landlord" | "property_manager"; timezone: string; profile: string };
  orgFacts: ReturnType<typeof organizationFacts>;
  actor: Actor;
  now: Date;
}

/** A signed-in member's request, or a job acting for a member (a scheduled message's sender). */
type MemberContext = Pick<Context, "db" | "clock" | "log"> & {
  organizationId: string;
  user: { id: string };
};

interface OrganizationRow {
  org_id: string;
  mode: "landlord" | "property_manager";
  timezone: string;
  policy_profile: string;
  policy_overrides: Record<string, unknown>;
  customer_settings: Record<string, unknown>;
}

function scopeFrom(
  ctx: MemberContext,
  org: OrganizationRow,
  actor: Actor | undefined,
  now: Date,
): PolicyScope {
  if (!actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  const resolved = resolvedPolicy(org.policy_profile, org.policy_overrides, org.customer_settings);
  if (!resolved.ok) {
    ctx.log.error(
      { errors: resolved.errors, organizationId: org.org_id },
      "organization has an invalid policy",
    );
    throw new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      message: "This organization's messaging settings are invalid.",
    });
  }
  return {
    policy: resolved.policy,
    org: { id: org.org_id, mode: org.mode, timezone: org.timezone, profile: org.policy_profile },
    orgFacts: organizationFacts(org),
    actor,
    now,
  };
}

/** The people query with the organization's settings on every row. */
function withOrganization(ctx: MemberContext) {
  return peopleQuery(ctx.db, ctx.organizationId)
    .innerJoin("organizations as o", "o.id", "users.organization_id")
    .select([
      "o.id as org_id",
      "o.mode",
      "o.timezone",
      "o.policy_profile",
      "o.policy_overrides",
      "o.customer_settings",
    ]);
}

/**
 * The one way procedures consult the organization's policy: its settings and the actor's facts in
 * one query. The settings are read on every request, so an operator's switch takes effect on the
 * very next one in every process; only the parsing of them is cached.
 */
export async function policyScope(ctx: MemberContext): Promise<PolicyScope> {
  const rows = await withOrganization(ctx).where("users.id", "=", ctx.user.id).execute();
  const first = rows[0];
  if (!first) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  const now = ctx.clock.now();
  const people = peopleFromRows(rows, isoDay(now, first.timezone));
  return scopeFrom(ctx, first, people.get(ctx.user.id)?.party, now);
}

export type ConversationScopeFacts = ConversationFacts & {
  participants: readonly Party[];
  names: Map<string, string>;
};

/**
 * The policy scope and the facts of a conversation the actor takes part in, with every
 * participant's facts and name, in one query (the send path's). Not found when the actor is not a
 * participant, or the conversation is another organization's.
 */
export async function conversationScope(
  ctx: MemberContext,
  conversationId: string,
): Promise<{ scope: PolicyScope; conversation: ConversationScopeFacts }> {
  const rows = await withOrganization(ctx)
    .innerJoin("conversation_participants as cp", "cp.user_id", "users.id")
    .innerJoin("conversations as c", (join) =>
      join.onRef("c.id", "=", "cp.conversation_id").onRef("c.organization_id", "=", "o.id"),
    )
    .leftJoin("users as creator", "creator.id", "c.created_by")
    .select(["c.kind as conversationKind", "c.no_reply", "creator.kind as creatorKind"])
    .where("cp.conversation_id", "=", conversationId)
    .execute();
  const first = rows[0];
  const now = ctx.clock.now();
  const people = first ? peopleFromRows(rows, isoDay(now, first.timezone)) : new Map();
  const actor = people.get(ctx.user.id)?.party;
  if (!first || !actor)
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "This conversation does not exist or you are not part of it.",
    });
  return {
    scope: scopeFrom(ctx, first, actor, now),
    conversation: {
      kind: first.conversationKind,
      noReply: first.no_reply,
      createdByKind: first.conversationKind === "maintenance" ? null : first.creatorKind,
      participants: [...people.values()].map((p) => p.party),
      names: new Map([...people].map(([id, p]) => [id, p.name])),
    },
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
