import type { Database, Transaction } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { uncountDeletedMessage } from "../data/messages";
import { enforce, type PolicyScope } from "../policy/gateway";
import { lockConversation, publishLiveEvent } from "../realtime/hub";

type MemberContext = Context & { organizationId: string; user: { id: string } };

/** The message as the viewer sees it; `lock` holds its row until the transaction ends. */
async function ownView(
  trx: Transaction<Database>,
  ctx: MemberContext,
  messageId: number,
  options: { lock: boolean },
) {
  const query = trx
    .selectFrom("messages as m")
    .innerJoin("conversation_participants as me", (join) =>
      join.onRef("me.conversation_id", "=", "m.conversation_id").on("me.user_id", "=", ctx.user.id),
    )
    .select(["m.id", "m.conversation_id", "m.sender_id", "m.body", "m.sent_at", "m.deleted_at"])
    .where("m.id", "=", messageId)
    .where("m.organization_id", "=", ctx.organizationId);
  const message = await (options.lock ? query.forUpdate("m") : query).executeTakeFirst();
  if (!message)
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "This message does not exist or you cannot see it.",
    });
  return message;
}

/**
 * Edits or deletes a message as the policy allows. The earlier text is kept in
 * `message_revisions` (and the audit log), so nothing a user sent is lost. The policy decides on
 * the locked row, so of two concurrent changes the second sees what the first wrote (a second
 * delete is refused as "deleted") and no change is recorded twice.
 */
export async function changeMessage(
  ctx: MemberContext,
  scope: PolicyScope,
  change: { messageId: number } & ({ action: "edit"; body: string } | { action: "delete" }),
) {
  return ctx.db.transaction().execute(async (trx) => {
    // The conversation's lock comes before any row lock: a row lock assigns the transaction id,
    // which the live stream needs assigned in conversation lock order.
    const { conversation_id } = await ownView(trx, ctx, change.messageId, { lock: false });
    await lockConversation(trx, conversation_id);
    const message = await ownView(trx, ctx, change.messageId, { lock: true });
    const facts = {
      authorId: message.sender_id,
      sentAt: message.sent_at,
      deletedAt: message.deleted_at,
    };
    enforce(
      change.action === "edit"
        ? scope.policy.editMessage({ actor: scope.actor, message: facts, now: scope.now })
        : scope.policy.deleteMessage({ actor: scope.actor, message: facts, now: scope.now }),
    );
    await trx
      .insertInto("message_revisions")
      .values({
        organization_id: ctx.organizationId,
        message_id: message.id,
        body: message.body,
        revised_by: ctx.user.id,
        action: change.action,
      })
      .execute();
    await trx
      .updateTable("messages")
      .set(
        change.action === "edit"
          ? { body: change.body, edited_at: scope.now }
          : { deleted_at: scope.now },
      )
      .where("id", "=", message.id)
      .execute();
    if (change.action === "delete") await uncountDeletedMessage(trx, message.id);
    await trx
      .insertInto("audit_log")
      .values({
        organization_id: ctx.organizationId,
        actor_id: ctx.user.id,
        action: change.action === "edit" ? "message.edited" : "message.deleted",
        target_type: "message",
        target_id: String(message.id),
        before: JSON.stringify({ body: message.body }),
        after: change.action === "edit" ? JSON.stringify({ body: change.body }) : null,
      })
      .execute();
    const recipients = await trx
      .selectFrom("conversation_participants")
      .select("user_id")
      .where("conversation_id", "=", message.conversation_id)
      .execute();
    await publishLiveEvent(trx, {
      type: "message",
      change: change.action === "edit" ? "edited" : "deleted",
      conversationId: message.conversation_id,
      messageId: message.id,
      recipients: recipients.map((r) => r.user_id),
    });
    return { messageId: message.id };
  });
}
