import { type ConversationKind, isoDay, sql } from "@hearth/db";
import type { Party } from "@hearth/policies";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { loadParties } from "../policy/facts";
import { enforce, type PolicyScope } from "../policy/gateway";
import { enforceDraft, insertMessage, type MessageDraft } from "./send";

export type StartTarget =
  | { kind: "direct"; recipientId: string }
  | { kind: "unit_group"; unitId: string }
  | { kind: "team"; recipientIds: string[]; title?: string | undefined };

type MemberContext = Context & {
  organizationId: string;
  user: { id: string; displayName: string };
};

/** The residents of a unit whose lease is active today: a unit group chat's members. */
async function currentResidentsOf(
  ctx: MemberContext,
  unitId: string,
  today: string,
): Promise<string[]> {
  const unit = await ctx.db
    .selectFrom("units")
    .select("id")
    .where("id", "=", unitId)
    .where("organization_id", "=", ctx.organizationId)
    .executeTakeFirst();
  if (!unit)
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "unitId: No such unit in your organization.",
    });
  const rows = await ctx.db
    .selectFrom("lease_residents as lr")
    .innerJoin("leases as l", "l.id", "lr.lease_id")
    .select("lr.user_id")
    .distinct()
    .where("l.unit_id", "=", unitId)
    .where("l.starts_on", "<=", today)
    .where((eb) => eb.or([eb("l.ends_on", "is", null), eb("l.ends_on", ">=", today)]))
    .execute();
  return rows.map((r) => r.user_id);
}

/** An existing conversation the new one should continue instead (same people, same kind). */
async function existingConversation(
  ctx: MemberContext,
  kind: ConversationKind,
  memberIds: string[],
  unitId: string | null,
) {
  if (kind === "unit_group" && unitId) {
    const row = await ctx.db
      .selectFrom("conversations")
      .select("id")
      .where("kind", "=", "unit_group")
      .where("unit_id", "=", unitId)
      .where("organization_id", "=", ctx.organizationId)
      .executeTakeFirst();
    return row?.id ?? null;
  }
  if (kind === "broadcast" || kind === "maintenance") return null;
  const row = await ctx.db
    .selectFrom("conversations as c")
    .select("c.id")
    .where("c.kind", "=", kind)
    .where("c.organization_id", "=", ctx.organizationId)
    .where(sql<boolean>`(select array_agg(p.user_id order by p.user_id) from conversation_participants p where p.conversation_id = c.id)
      = ${sql.val([...memberIds].sort())}::uuid[]`)
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Starts a conversation (or continues the one these people already have) with a first message.
 * The policy decides who may start what with whom; nothing is written when it refuses.
 */
export async function startConversation(
  ctx: MemberContext,
  scope: PolicyScope,
  target: StartTarget,
  draft: MessageDraft,
) {
  const today = isoDay(scope.now, scope.org.timezone);
  const recipientIds =
    target.kind === "direct"
      ? [target.recipientId]
      : target.kind === "unit_group"
        ? await currentResidentsOf(ctx, target.unitId, today)
        : target.recipientIds;
  const unique = [...new Set(recipientIds)].filter((id) => id !== ctx.user.id);
  if (unique.length === 0) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message:
        target.kind === "unit_group"
          ? "unitId: This unit has no residents with an active lease."
          : "recipientIds: Choose at least one person.",
    });
  }
  const parties = await loadParties(
    ctx.db,
    ctx.organizationId,
    unique,
    scope.now,
    scope.org.timezone,
  );
  if (parties.size !== unique.length)
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "recipientIds: No such person in your organization.",
    });
  const recipients: Party[] = unique.map((id) => parties.get(id)!);
  enforce(
    scope.policy.startConversation({
      org: scope.orgFacts,
      actor: scope.actor,
      kind: target.kind,
      recipients,
    }),
  );
  enforceDraft(scope, draft);

  const memberIds = [ctx.user.id, ...unique];
  const names = await ctx.db
    .selectFrom("users")
    .select(["id", "display_name"])
    .where("id", "in", memberIds)
    .execute();
  const mentionable = names.map((n) => ({ userId: n.id, name: n.display_name }));
  return ctx.db.transaction().execute(async (trx) => {
    const retried = await trx
      .selectFrom("messages")
      .select("conversation_id")
      .where("sender_id", "=", ctx.user.id)
      .where("client_id", "=", draft.clientId)
      .executeTakeFirst();
    if (retried) return { conversationId: retried.conversation_id, created: false };
    const unitId = target.kind === "unit_group" ? target.unitId : null;
    let conversationId = await existingConversation(ctx, target.kind, memberIds, unitId);
    if (!conversationId) {
      const created = await trx
        .insertInto("conversations")
        .values({
          organization_id: ctx.organizationId,
          kind: target.kind,
          title: target.kind === "team" ? (target.title ?? null) : null,
          unit_id: unitId,
          maintenance_request_id: null,
          created_by: ctx.user.id,
          last_message_at: scope.now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      conversationId = created.id;
    }
    await trx
      .insertInto("conversation_participants")
      .values(
        memberIds.map((userId) => ({
          conversation_id: conversationId,
          user_id: userId,
          organization_id: ctx.organizationId,
        })),
      )
      .onConflict((oc) => oc.columns(["conversation_id", "user_id"]).doNothing())
      .execute();
    await insertMessage(trx, ctx, conversationId, draft, mentionable);
    return { conversationId, created: true };
  });
}
