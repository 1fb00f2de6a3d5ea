/** The signed-in person's notification preferences with their organization's policy. */
import type { OrganizationFacts, Policy } from "@hearth/policies";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { policyScope } from "../policy/gateway";
import { type NotificationPreferences, preferencesFromRow, preferencesQuery } from "./preferences";

export interface NotifiedPerson {
  userId: string;
  organizationId: string;
  policy: Policy;
  org: OrganizationFacts;
  preferences: NotificationPreferences;
  now: Date;
}

export async function notifiedPerson(
  ctx: Context & { organizationId: string; user: { id: string } },
): Promise<NotifiedPerson> {
  const [scope, row] = await Promise.all([
    policyScope(ctx),
    preferencesQuery(ctx.db)
      .where("u.id", "=", ctx.user.id)
      .where("u.organization_id", "=", ctx.organizationId)
      .executeTakeFirst(),
  ]);
  if (!row) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return {
    userId: ctx.user.id,
    organizationId: ctx.organizationId,
    policy: scope.policy,
    org: scope.orgFacts,
    preferences: preferencesFromRow(row),
    now: scope.now,
  };
}
