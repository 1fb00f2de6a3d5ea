import type { MessageType, Priority } from "@hearth/db";
import type { ConversationFacts, Party } from "@hearth/policies";
import type { Context } from "../context";
import { attachToMessage } from "../data/attachments";
import { lockConversation } from "../data/conversations";
import { writeMessage } from "../data/messages";
import { conversationScope, enforce, type PolicyScope } from "../policy/gateway";
import { queueEmailCopies } from "./email-copy";

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

/**
 * Refuses a type or a priority the actor may not use (here, when the conversation is known),
 * before anything is written.
 */
export function enforceDraft(
  scope: PolicyScope,
  draft: MessageDraft,
  conversation?: ConversationFacts,
): void {
  if (draft.type !== "general")
    enforce(
      scope.policy.chooseMessageType({
        actor: scope.actor,
        type: draft.type,
        ...(conversation ? { conversation } : {}),
      }),
    );
  if (draft.priority === "high") enforce(scope.policy.markPriority({ actor: scope.actor }));
}

/**
 * The people the body @-mentions ("@Dana Whitfield") among `people`, as the policy lets the actor
 * mention each of them in this conversation.
 */
export function mentionsIn(
  scope: PolicyScope,
  body: string,
  conversation: ConversationFacts,
  people: readonly { party: Party; name: string }[],
): string[] {
  const lowered = body.toLowerCase();
  return people
    .filter(
      ({ party, name }) =>
        party.userId !== scope.actor.userId &&
        lowered.includes(`@${name.toLowerCase()}`) &&
        scope.policy.mention({ actor: scope.actor, conversation, mentioned: party }).allowed,
    )
    .map(({ party }) => party.userId);
}

/**
 * Replies in an existing conversation, as the organization's policy allows: the policy, the
 * conversation and its people come in one query, the write in one more. Uploads in
 * `attachmentIds` go onto the message in the same transaction, and so do email copies.
 */
export async function reply(
  ctx: MemberContext,
  conversationId: string,
  draft: MessageDraft,
  attachmentIds: readonly string[] = [],
  options: { copyToEmail?: boolean } = {},
) {
  const { scope, conversation: facts } = await conversationScope(ctx, conversationId);
  enforce(scope.policy.reply({ org: scope.orgFacts, actor: scope.actor, conversation: facts }));
  enforceDraft(scope, draft, facts);
  if (attachmentIds.length > 0) enforce(scope.policy.attachFile({ actor: scope.actor }));
  const copyToEmail = options.copyToEmail === true;
  if (copyToEmail) enforce(scope.policy.copyToEmail({ actor: scope.actor }));
  const mentioned = mentionsIn(
    scope,
    draft.body,
    facts,
    facts.participants.map((party) => ({
      party,
      name: facts.names.get(party.userId) ?? "",
    })),
  );
  return ctx.db.transaction().execute(async (trx) => {
    await lockConversation(trx, conversationId);
    const written = await writeMessage(trx, {
      organizationId: ctx.organizationId,
      conversationId,
      senderId: ctx.user.id,
      clientId: draft.clientId,
      body: draft.body,
      type: draft.type,
      priority: draft.priority,
      sentAt: ctx.clock.now(),
      readBy: [ctx.user.id],
      mentions: { userIds: mentioned, by: ctx.user.displayName },
      signed: scope.policy.useSignature({ actor: scope.actor }).allowed,
      copyToEmail,
    });
    if (written.created) {
      await attachToMessage(
        trx,
        { organizationId: ctx.organizationId, senderId: ctx.user.id, messageId: written.id },
        attachmentIds,
      );
      if (copyToEmail)
        await queueEmailCopies(trx, ctx, scope, {
          organizationId: ctx.organizationId,
          conversationId,
          messageId: written.id,
          senderId: ctx.user.id,
          senderName: ctx.user.displayName,
          body: draft.body,
        });
    }
    return written;
  });
}
