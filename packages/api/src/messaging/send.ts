import type { Database, MessageType, Priority, Transaction } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { loadConversationFacts } from "../policy/facts";
import { enforce, type PolicyScope } from "../policy/gateway";
import { publishLiveEvent } from "../realtime/hub";

export interface MessageDraft {
  clientId: string;
  body: string;
  type: MessageType;
  priority: Priority;
}

type MemberContext = Context & {
  organizationId: string;
  user: { id: string; displayName: string };
};

/** Refuses a type or a priority the actor may not use, before anything is written. */
export function enforceDraft(scope: PolicyScope, draft: MessageDraft): void {
  if (draft.type !== "general")
    enforce(scope.policy.chooseMessageType({ actor: scope.actor, type: draft.type }));
  if (draft.priority === "high") enforce(scope.policy.markPriority({ actor: scope.actor }));
}

/**
 * Writes a message and everything that goes with it in the caller's transaction: the
 * conversation's activity time, un-archiving for everyone, the sender's read pointer, mentions
 * with their notifications, and the live event (delivered when the transaction commits).
 * Idempotent on (sender, client id): a retry returns the first message and writes nothing.
 */
export async function insertMessage(
  trx: Transaction<Database>,
  ctx: MemberContext,
  conversationId: string,
  draft: MessageDraft,
  mentionable: { userId: string; name: string }[],
): Promise<{ id: number; created: boolean }> {
  const now = ctx.clock.now();
  const inserted = await trx
    .insertInto("messages")
    .values({
      organization_id: ctx.organizationId,
      conversation_id: conversationId,
      sender_id: ctx.user.id,
      client_id: draft.clientId,
      body: draft.body,
      type: draft.type,
      priority: draft.priority,
      scheduled_for: null,
      sent_at: now,
      created_at: now,
    })
    .onConflict((oc) =>
      oc.columns(["sender_id", "client_id"]).where("client_id", "is not", null).doNothing(),
    )
    .returning("id")
    .executeTakeFirst();
  if (!inserted) {
    const existing = await trx
      .selectFrom("messages")
      .select(["id", "conversation_id"])
      .where("sender_id", "=", ctx.user.id)
      .where("client_id", "=", draft.clientId)
      .executeTakeFirstOrThrow();
    if (existing.conversation_id !== conversationId) {
      throw new TRPCError({
        code: "CONFLICT",
        message: "clientId: This id was already used for another message.",
      });
    }
    return { id: existing.id, created: false };
  }
  await trx
    .updateTable("conversations")
    .set({ last_message_at: now })
    .where("id", "=", conversationId)
    .execute();
  await trx
    .updateTable("conversation_participants")
    .set({ archived_at: null })
    .where("conversation_id", "=", conversationId)
    .execute();
  await trx
    .updateTable("conversation_participants")
    .set({ last_read_message_id: inserted.id, last_read_at: now })
    .where("conversation_id", "=", conversationId)
    .where("user_id", "=", ctx.user.id)
    .execute();
  const lowered = draft.body.toLowerCase();
  const mentioned = mentionable.filter(
    (p) => p.userId !== ctx.user.id && lowered.includes(`@${p.name.toLowerCase()}`),
  );
  if (mentioned.length) {
    await trx
      .insertInto("mentions")
      .values(
        mentioned.map((p) => ({
          message_id: inserted.id,
          user_id: p.userId,
          organization_id: ctx.organizationId,
        })),
      )
      .execute();
    await trx
      .insertInto("notifications")
      .values(
        mentioned.map((p) => ({
          organization_id: ctx.organizationId,
          user_id: p.userId,
          kind: "mention",
          conversation_id: conversationId,
          message_id: inserted.id,
          payload: JSON.stringify({ by: ctx.user.displayName, excerpt: draft.body.slice(0, 140) }),
        })),
      )
      .execute();
  }
  const recipients = await trx
    .selectFrom("conversation_participants")
    .select("user_id")
    .where("conversation_id", "=", conversationId)
    .execute();
  await publishLiveEvent(trx, {
    type: "message",
    change: "created",
    conversationId,
    messageId: inserted.id,
    recipients: recipients.map((r) => r.user_id),
  });
  return { id: inserted.id, created: true };
}

/** Replies in an existing conversation, as the organization's policy allows. */
export async function reply(
  ctx: MemberContext,
  scope: PolicyScope,
  conversationId: string,
  draft: MessageDraft,
) {
  const facts = await loadConversationFacts(
    ctx.db,
    ctx.organizationId,
    conversationId,
    scope.now,
    scope.org.timezone,
  );
  if (!facts?.participants.some((p) => p.userId === ctx.user.id)) {
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "This conversation does not exist or you are not part of it.",
    });
  }
  enforce(scope.policy.reply({ org: scope.orgFacts, actor: scope.actor, conversation: facts }));
  enforceDraft(scope, draft);
  const mentionable = await mentionableIn(ctx, scope, conversationId, facts);
  return ctx.db
    .transaction()
    .execute((trx) => insertMessage(trx, ctx, conversationId, draft, mentionable));
}

/** Participants the policy lets the actor @-mention here. */
async function mentionableIn(
  ctx: MemberContext,
  scope: PolicyScope,
  conversationId: string,
  facts: NonNullable<Awaited<ReturnType<typeof loadConversationFacts>>>,
) {
  const names = await ctx.db
    .selectFrom("conversation_participants as p")
    .innerJoin("users as u", "u.id", "p.user_id")
    .select(["u.id", "u.display_name"])
    .where("p.conversation_id", "=", conversationId)
    .execute();
  return names
    .filter((n) => {
      const party = facts.participants.find((p) => p.userId === n.id);
      return party
        ? scope.policy.mention({ actor: scope.actor, conversation: facts, mentioned: party })
            .allowed
        : false;
    })
    .map((n) => ({ userId: n.id, name: n.display_name }));
}
