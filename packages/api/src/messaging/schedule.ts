import { sql } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { lockConversation } from "../data/conversations";
import {
  insertScheduledMessage,
  lockUnsentMessage,
  removeUnsentMessage,
  updateScheduledMessage,
} from "../data/scheduled-messages";
import { enqueue, removeQueuedJob } from "../outbox";
import { conversationScope, enforce, type PolicyScope, policyScope } from "../policy/gateway";
import { requireParticipation } from "./access";
import { enforceDraft, type MessageDraft } from "./send";

type MemberContext = Context & {
  organizationId: string;
  user: { id: string; displayName: string };
};

/** The delivery job of one scheduled message: at most one waits per message. */
export function scheduledJobKey(messageId: number): string {
  return `scheduled-message:${messageId}`;
}

const notFound = () =>
  new TRPCError({
    code: "NOT_FOUND",
    message: "This scheduled message does not exist, was sent or was cancelled.",
  });

function enforceSchedule(scope: PolicyScope, sendAt: Date): void {
  enforce(scope.policy.scheduleSend({ actor: scope.actor, sendAt, now: scope.now }));
}

/**
 * Schedules a message in a conversation for `sendAt`: the policy is asked now (and again when it
 * goes); the message waits unsent, seen by its sender only, with its delivery job.
 */
export async function scheduleMessage(
  ctx: MemberContext,
  conversationId: string,
  draft: MessageDraft,
  sendAt: Date,
) {
  const { scope, conversation } = await conversationScope(ctx, conversationId);
  enforce(scope.policy.reply({ org: scope.orgFacts, actor: scope.actor, conversation }));
  enforceDraft(scope, draft, conversation);
  enforceSchedule(scope, sendAt);
  return ctx.db.transaction().execute(async (trx) => {
    await lockConversation(trx, conversationId);
    const written = await insertScheduledMessage(trx, {
      organizationId: ctx.organizationId,
      conversationId,
      senderId: ctx.user.id,
      clientId: draft.clientId,
      body: draft.body,
      type: draft.type,
      priority: draft.priority,
      scheduledFor: sendAt,
      createdAt: scope.now,
    });
    if (written.created)
      await enqueue(
        trx,
        "send_scheduled_message",
        { messageId: written.id },
        { runAt: sendAt, jobKey: scheduledJobKey(written.id) },
      );
    return written;
  });
}

/** The conversation of a message in the caller's organization, for its lock. */
async function conversationOf(ctx: MemberContext, messageId: number): Promise<string> {
  const row = await ctx.db
    .selectFrom("messages")
    .select("conversation_id")
    .where("id", "=", messageId)
    .where("organization_id", "=", ctx.organizationId)
    .where("sender_id", "=", ctx.user.id)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row.conversation_id;
}

/**
 * Changes the text or the time of one's scheduled message until it goes. A new time lifts a
 * refusal and asks the policy again.
 */
export async function changeScheduledMessage(
  ctx: MemberContext,
  messageId: number,
  change: { body?: string | undefined; sendAt?: Date | undefined },
) {
  const conversationId = await conversationOf(ctx, messageId);
  const scope = await policyScope(ctx);
  if (change.sendAt) enforceSchedule(scope, change.sendAt);
  await ctx.db.transaction().execute(async (trx) => {
    await lockConversation(trx, conversationId);
    const unsent = await lockUnsentMessage(trx, ctx.organizationId, messageId, ctx.user.id);
    if (!unsent) throw notFound();
    await updateScheduledMessage(trx, messageId, {
      body: change.body,
      scheduledFor: change.sendAt,
    });
    if (change.sendAt)
      await enqueue(
        trx,
        "send_scheduled_message",
        { messageId },
        { runAt: change.sendAt, jobKey: scheduledJobKey(messageId) },
      );
  });
  return { id: messageId };
}

/** Cancels one's scheduled message: it and its job are gone. */
export async function cancelScheduledMessage(ctx: MemberContext, messageId: number) {
  const conversationId = await conversationOf(ctx, messageId);
  await ctx.db.transaction().execute(async (trx) => {
    await lockConversation(trx, conversationId);
    const unsent = await lockUnsentMessage(trx, ctx.organizationId, messageId, ctx.user.id);
    if (!unsent) throw notFound();
    await removeUnsentMessage(trx, messageId);
    await removeQueuedJob(trx, scheduledJobKey(messageId));
  });
  return { id: messageId };
}

/**
 * The caller's scheduled messages, soonest first, in one conversation or in all, each with where
 * it goes and, when its time came and the policy refused it, why.
 */
export async function listScheduledMessages(ctx: MemberContext, conversationId?: string) {
  if (conversationId)
    await requireParticipation(ctx.db, ctx.organizationId, conversationId, ctx.user.id);
  let query = ctx.db
    .selectFrom("messages as m")
    .innerJoin("conversations as c", "c.id", "m.conversation_id")
    .select([
      "m.id",
      "m.conversation_id as conversationId",
      "c.kind as conversationKind",
      "m.body",
      "m.type",
      "m.priority",
      "m.scheduled_for as scheduledFor",
      "m.schedule_refusal as refusal",
      sql<string>`coalesce(c.title, (
        select string_agg(u.display_name, ', ' order by u.display_name)
        from conversation_participants p join users u on u.id = p.user_id
        where p.conversation_id = c.id and p.user_id <> m.sender_id), 'Conversation')`.as("to"),
    ])
    .where("m.organization_id", "=", ctx.organizationId)
    .where("m.sender_id", "=", ctx.user.id)
    .where("m.sent_at", "is", null)
    .where("m.deleted_at", "is", null)
    .where("m.scheduled_for", "is not", null)
    .orderBy("m.scheduled_for")
    .orderBy("m.id")
    .limit(200);
  if (conversationId) query = query.where("m.conversation_id", "=", conversationId);
  const rows = await query.execute();
  return rows.flatMap((row) =>
    row.scheduledFor ? [{ ...row, scheduledFor: row.scheduledFor }] : [],
  );
}
