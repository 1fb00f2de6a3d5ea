import { sql } from "@hearth/db";
import type { Context } from "../context";
import { addParticipants, insertConversation, lockConversation } from "../data/conversations";
import { writeMessage } from "../data/messages";
import { conversationScope, enforce } from "../policy/gateway";
import type { MessageDraft } from "./send";
import { enforceDraft } from "./send";

type MemberContext = Context & {
  organizationId: string;
  user: { id: string; displayName: string };
};

const TITLE_EXCERPT = 60;

/** "Re: Pool opens Saturday…": the private conversation is named after what it answers. */
function titleFor(announcement: string): string {
  const line = announcement.split("\n")[0]?.trim() ?? "";
  const excerpt = line.length > TITLE_EXCERPT ? `${line.slice(0, TITLE_EXCERPT - 1)}…` : line;
  return `Re: ${excerpt || "announcement"}`;
}

/**
 * A recipient answers an announcement: the answer goes into a private conversation between them
 * and the managers who sent it, one per announcement and recipient (created by the first answer),
 * never back to the other recipients.
 */
export async function replyPrivately(
  ctx: MemberContext,
  announcementId: string,
  draft: Pick<MessageDraft, "clientId" | "body">,
) {
  const { scope, conversation } = await conversationScope(ctx, announcementId);
  enforce(scope.policy.replyPrivately({ org: scope.orgFacts, actor: scope.actor, conversation }));
  const message = { ...draft, type: "general" as const, priority: "normal" as const };
  enforceDraft(scope, message);
  const announcement = await ctx.db
    .selectFrom("conversations as c")
    .select((eb) => [
      "c.created_by as authorId",
      eb
        .selectFrom("messages as m")
        .select("m.body")
        .whereRef("m.conversation_id", "=", "c.id")
        .orderBy("m.id")
        .limit(1)
        .as("body"),
    ])
    .where("c.id", "=", announcementId)
    .where("c.organization_id", "=", ctx.organizationId)
    .executeTakeFirstOrThrow();
  const managers = conversation.participants
    .filter((party) => party.kind === "manager")
    .map((party) => party.userId);

  return ctx.db.transaction().execute(async (trx) => {
    // One private conversation per announcement and recipient, however many answers race.
    await sql`select pg_advisory_xact_lock(hashtextextended(${`private-reply:${announcementId}:${ctx.user.id}`}, 0))`.execute(
      trx,
    );
    const existing = await trx
      .selectFrom("conversations")
      .select("id")
      .where("replies_to", "=", announcementId)
      .where("created_by", "=", ctx.user.id)
      .where("organization_id", "=", ctx.organizationId)
      .executeTakeFirst();
    const now = ctx.clock.now();
    let conversationId = existing?.id;
    if (conversationId) await lockConversation(trx, conversationId);
    else {
      conversationId = await insertConversation(trx, {
        organizationId: ctx.organizationId,
        kind: "direct",
        title: titleFor(announcement.body ?? ""),
        unitId: null,
        maintenanceRequestId: null,
        createdBy: ctx.user.id,
        repliesTo: announcementId,
        at: now,
      });
      const people = announcement.authorId ? [announcement.authorId] : managers;
      await addParticipants(trx, ctx.organizationId, conversationId, [ctx.user.id, ...people]);
    }
    const written = await writeMessage(trx, {
      organizationId: ctx.organizationId,
      conversationId,
      senderId: ctx.user.id,
      clientId: message.clientId,
      body: message.body,
      type: message.type,
      priority: message.priority,
      sentAt: now,
      readBy: [ctx.user.id],
    });
    return { conversationId, messageId: written.id, created: !existing };
  });
}
