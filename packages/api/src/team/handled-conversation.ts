import type { Database, Kysely, Transaction } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { loadConversationFacts } from "../policy/facts";
import { enforce, type PolicyScope, policyScope } from "../policy/gateway";
import { lockConversation } from "../realtime/hub";

export type MemberContext = Context & { organizationId: string; user: { id: string } };

const notFound = () =>
  new TRPCError({
    code: "NOT_FOUND",
    message: "This conversation does not exist or you are not part of it.",
  });

/** The policy scope, and the facts of the conversation (null: not in this organization). */
export async function scopeWithConversation(ctx: MemberContext, conversationId: string) {
  const scope: PolicyScope = await policyScope(ctx);
  const facts = await loadConversationFacts(
    ctx.db,
    ctx.organizationId,
    conversationId,
    scope.now,
    scope.org.timezone,
  );
  return { scope, facts };
}

/**
 * The policy scope and the facts of a conversation the actor handles for the team; another
 * organization's conversation is not found, and one the policy keeps from the team is refused
 * with its reason.
 */
export async function handledConversation(ctx: MemberContext, conversationId: string) {
  const { scope, facts } = await scopeWithConversation(ctx, conversationId);
  if (!facts) throw notFound();
  const decision = scope.policy.handleConversation({ actor: scope.actor, conversation: facts });
  // Someone who is not part of it and may not handle it learns nothing about it.
  const takesPart = facts.participants.some((party) => party.userId === ctx.user.id);
  if (!decision.allowed && !takesPart) throw notFound();
  enforce(decision);
  return { scope, facts };
}

/**
 * Adds a manager to a conversation as a watcher (joined from the team inbox, not yet written),
 * read up to its newest message; nothing when they are in it already. The caller holds the
 * conversation's lock, so the read pointer and the counters the insert trigger fills agree.
 */
export async function addWatcher(
  trx: Transaction<Database>,
  organizationId: string,
  conversationId: string,
  userId: string,
): Promise<boolean> {
  const newest = await trx
    .selectFrom("messages")
    .select((eb) => eb.fn.coalesce(eb.fn.max("id"), eb.lit(0)).as("id"))
    .where("conversation_id", "=", conversationId)
    .executeTakeFirstOrThrow();
  const added = await trx
    .insertInto("conversation_participants")
    .values({
      conversation_id: conversationId,
      user_id: userId,
      organization_id: organizationId,
      last_read_message_id: Number(newest.id),
      watching: true,
    })
    .onConflict((oc) => oc.columns(["conversation_id", "user_id"]).doNothing())
    .returning("user_id")
    .executeTakeFirst();
  return added !== undefined;
}

/** The managers taking part in a conversation: who hears of team changes to it. */
export async function teamRecipients(
  db: Kysely<Database>,
  conversationId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("conversation_participants as p")
    .innerJoin("users as u", "u.id", "p.user_id")
    .select("p.user_id")
    .where("p.conversation_id", "=", conversationId)
    .where("u.kind", "=", "manager")
    .execute();
  return rows.map((row) => row.user_id);
}

/**
 * Opens a conversation the viewer may handle for the team but is not part of yet: they join it
 * as a watcher, so the thread, its files, search and live updates reach them like any participant.
 * Returns false (and changes nothing) when the viewer may not handle it.
 */
export async function joinFromTeamInbox(
  ctx: MemberContext,
  conversationId: string,
): Promise<boolean> {
  const { scope, facts } = await scopeWithConversation(ctx, conversationId);
  if (!facts) return false;
  if (!scope.policy.handleConversation({ actor: scope.actor, conversation: facts }).allowed)
    return false;
  await ctx.db.transaction().execute(async (trx) => {
    await lockConversation(trx, conversationId);
    await addWatcher(trx, ctx.organizationId, conversationId, ctx.user.id);
  });
  return true;
}
