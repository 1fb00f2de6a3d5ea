import { TRPCError } from "@trpc/server";
import { loadNamedParties } from "../policy/facts";
import { enforce } from "../policy/gateway";
import { lockConversation, publishLiveEvent } from "../realtime/hub";
import {
  addWatcher,
  handledConversation,
  type MemberContext,
  teamRecipients,
} from "./handled-conversation";

/**
 * Assigns a conversation to a manager (or to nobody): the assignee joins it if they were not in it,
 * is notified in the bell unless they assigned it to themselves, and the team's open views follow
 * live. Assigning it again to the same person changes nothing and notifies no one.
 */
export async function assignConversation(
  ctx: MemberContext,
  conversationId: string,
  assigneeId: string | null,
) {
  const { scope } = await handledConversation(ctx, conversationId);
  let assigneeName: string | null = null;
  if (assigneeId !== null) {
    const assignee = (
      await loadNamedParties(
        ctx.db,
        ctx.organizationId,
        [assigneeId],
        scope.now,
        scope.org.timezone,
      )
    ).get(assigneeId);
    if (!assignee)
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: "assigneeId: There is no such person in this organization.",
      });
    enforce(scope.policy.beAssigned({ assignee: assignee.party }));
    assigneeName = assignee.name;
  }
  const changed = await ctx.db.transaction().execute(async (trx) => {
    await lockConversation(trx, conversationId);
    const before = await trx
      .selectFrom("conversations")
      .select(["assignee_id", "title"])
      .where("id", "=", conversationId)
      .executeTakeFirstOrThrow();
    if (before.assignee_id === assigneeId) return false;
    const now = ctx.clock.now();
    await trx
      .updateTable("conversations")
      .set({ assignee_id: assigneeId, assigned_at: assigneeId === null ? null : now })
      .where("id", "=", conversationId)
      .execute();
    if (assigneeId !== null) {
      await addWatcher(trx, ctx.organizationId, conversationId, assigneeId);
      // Whoever handles it hears of its new messages, even if they had muted it while watching.
      await trx
        .updateTable("conversation_participants")
        .set({ muted: false, archived_at: null })
        .where("conversation_id", "=", conversationId)
        .where("user_id", "=", assigneeId)
        .execute();
      if (assigneeId !== ctx.user.id)
        await trx
          .insertInto("notifications")
          .values({
            organization_id: ctx.organizationId,
            user_id: assigneeId,
            kind: "assignment",
            conversation_id: conversationId,
            message_id: null,
            payload: JSON.stringify({
              by: ctx.user.displayName,
              excerpt: `${ctx.user.displayName} assigned this conversation to you.`,
            }),
          })
          .execute();
    }
    await trx
      .insertInto("audit_log")
      .values({
        organization_id: ctx.organizationId,
        actor_id: ctx.user.id,
        action: "conversation.assign",
        target_type: "conversation",
        target_id: conversationId,
        before: JSON.stringify({ assigneeId: before.assignee_id }),
        after: JSON.stringify({ assigneeId }),
      })
      .execute();
    await publishLiveEvent(trx, {
      type: "team",
      change: "assigned",
      conversationId,
      recipients: await teamRecipients(trx, conversationId),
    });
    return true;
  });
  return { assigneeId, assigneeName, changed };
}
