import { lockConversation, publishLiveEvent } from "../realtime/hub";
import { handledConversation, type MemberContext, teamRecipients } from "./handled-conversation";

/**
 * Closes a conversation the team has handled, or reopens it; a new message reopens it by itself.
 * Closing a closed one (or reopening an open one) changes nothing.
 */
export async function setConversationClosed(
  ctx: MemberContext,
  conversationId: string,
  closed: boolean,
) {
  await handledConversation(ctx, conversationId);
  return ctx.db.transaction().execute(async (trx) => {
    await lockConversation(trx, conversationId);
    const now = ctx.clock.now();
    const updated = await trx
      .updateTable("conversations")
      .set(
        closed ? { closed_at: now, closed_by: ctx.user.id } : { closed_at: null, closed_by: null },
      )
      .where("id", "=", conversationId)
      .where("closed_at", closed ? "is" : "is not", null)
      .returning("closed_at")
      .executeTakeFirst();
    if (updated) {
      await trx
        .insertInto("audit_log")
        .values({
          organization_id: ctx.organizationId,
          actor_id: ctx.user.id,
          action: closed ? "conversation.close" : "conversation.reopen",
          target_type: "conversation",
          target_id: conversationId,
        })
        .execute();
      await publishLiveEvent(trx, {
        type: "team",
        change: closed ? "closed" : "reopened",
        conversationId,
        recipients: await teamRecipients(trx, conversationId),
      });
    }
    return { closed, changed: updated !== undefined };
  });
}
