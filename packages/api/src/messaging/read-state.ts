import { sql } from "@hearth/db";
import type { Context } from "../context";
import { lockConversation, publishLiveEvent } from "../realtime/hub";
import { requireParticipation } from "./access";

type MemberContext = Context & { organizationId: string; user: { id: string } };

/**
 * Moves the viewer's read pointer forward (never back), recounts their unread counters, and tells
 * the others, for receipts.
 */
export async function markRead(ctx: MemberContext, conversationId: string, upToMessageId: number) {
  await requireParticipation(ctx.db, ctx.organizationId, conversationId, ctx.user.id);
  return ctx.db.transaction().execute(async (trx) => {
    // Receipts are events of the conversation: in its commit order like messages.
    await lockConversation(trx, conversationId);
    const newest = await trx
      .selectFrom("messages")
      .select(sql<number>`coalesce(max(id), 0)`.as("id"))
      .where("conversation_id", "=", conversationId)
      .where("id", "<=", upToMessageId)
      .executeTakeFirstOrThrow();
    // The inbox counters are recounted from what is still unread after the new pointer: a range
    // of the thread index, usually empty.
    const updated = await sql`
      update conversation_participants p set
        last_read_message_id = ${newest.id},
        last_read_at = ${ctx.clock.now()},
        unread_count = rest.unread,
        unread_high_count = rest.unread_high
      from (
        select count(*)::int as unread, count(*) filter (where m.priority = 'high')::int as unread_high
        from messages m
        where m.conversation_id = ${conversationId} and m.id > ${newest.id}
          and m.deleted_at is null and m.sent_at is not null
          and m.sender_id is distinct from ${ctx.user.id}::uuid) rest
      where p.conversation_id = ${conversationId} and p.user_id = ${ctx.user.id}
        and p.last_read_message_id < ${newest.id}`.execute(trx);
    if ((updated.numAffectedRows ?? 0n) > 0n) {
      const recipients = await trx
        .selectFrom("conversation_participants")
        .select("user_id")
        .where("conversation_id", "=", conversationId)
        .execute();
      await publishLiveEvent(trx, {
        type: "read",
        conversationId,
        userId: ctx.user.id,
        lastReadMessageId: newest.id,
        recipients: recipients.map((r) => r.user_id),
      });
    }
    return { lastReadMessageId: newest.id };
  });
}

/** Archives or restores a conversation for the viewer only; the records stay. */
export async function setArchived(ctx: MemberContext, conversationId: string, archived: boolean) {
  await requireParticipation(ctx.db, ctx.organizationId, conversationId, ctx.user.id);
  await ctx.db
    .updateTable("conversation_participants")
    .set({ archived_at: archived ? ctx.clock.now() : null })
    .where("conversation_id", "=", conversationId)
    .where("user_id", "=", ctx.user.id)
    .execute();
  return { archived };
}
