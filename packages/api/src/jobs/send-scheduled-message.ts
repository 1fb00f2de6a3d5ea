import type { Database, Kysely, Transaction } from "@hearth/db";
import type { Decision } from "@hearth/policies";
import { TRPCError } from "@trpc/server";
import type { Clock } from "../clock";
import { lockConversation } from "../data/conversations";
import { writeMessage } from "../data/messages";
import {
  lockUnsentMessage,
  readUnsentMessage,
  refuseScheduledMessage,
  removeUnsentMessage,
  type UnsentMessage,
} from "../data/scheduled-messages";
import type { Logger } from "../logger";
import { scheduledJobKey } from "../messaging/schedule";
import { mentionsIn } from "../messaging/send";
import { enqueue } from "../outbox";
import {
  type ConversationScopeFacts,
  conversationScope,
  type PolicyScope,
} from "../policy/gateway";

export interface ScheduledSendDeps {
  db: Kysely<Database>;
  logger: Logger;
  clock: Clock;
}

export type ScheduledSendOutcome = "sent" | "refused" | "not_due" | "gone";

/** The notification kind that tells a sender their scheduled message did not go. */
export const SCHEDULED_REFUSED_KIND = "scheduled_message_refused";

type SenderView =
  | { refusal: string }
  | { scope: PolicyScope; conversation: ConversationScopeFacts };

/** The sender's policy scope in the conversation as it is now, or why they may not write there. */
async function senderView(deps: ScheduledSendDeps, message: UnsentMessage): Promise<SenderView> {
  try {
    return await conversationScope(
      {
        db: deps.db,
        clock: deps.clock,
        log: deps.logger,
        organizationId: message.organizationId,
        user: { id: message.senderId },
      },
      message.conversationId,
    );
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND")
      return { refusal: "You are no longer part of this conversation." };
    throw error;
  }
}

/** Every decision a send of this message needs now; the first refusal's reason, if any. */
function refusalNow(
  scope: PolicyScope,
  conversation: ConversationScopeFacts,
  message: UnsentMessage,
): string | null {
  const { policy, actor, orgFacts: org, now } = scope;
  const decisions: Decision[] = [
    policy.scheduleSend({ actor, now }),
    policy.reply({ org, actor, conversation }),
  ];
  if (message.type !== "general")
    decisions.push(policy.chooseMessageType({ actor, type: message.type, conversation }));
  if (message.priority === "high") decisions.push(policy.markPriority({ actor }));
  return decisions.find((decision) => !decision.allowed)?.reason ?? null;
}

/** Keeps the message unsent with the reason, and tells its sender. */
async function refuse(
  trx: Transaction<Database>,
  message: UnsentMessage,
  reason: string,
): Promise<"refused"> {
  await refuseScheduledMessage(trx, message.id, reason);
  await trx
    .insertInto("notifications")
    .values({
      organization_id: message.organizationId,
      user_id: message.senderId,
      kind: SCHEDULED_REFUSED_KIND,
      conversation_id: message.conversationId,
      message_id: message.id,
      payload: JSON.stringify({ reason, excerpt: message.body.slice(0, 140) }),
    })
    .execute();
  return "refused";
}

/**
 * Sends a scheduled message when its time has come, as its sender, if the policy still lets
 * them: the draft is taken out and the message written as sent now, in one transaction under the
 * conversation's lock and the draft's row lock, so a second run (a retry, a duplicate job, a
 * second worker) finds nothing to send. A refusal keeps it unsent with the reason and tells the
 * sender. Early (a clock behind, or a time moved later) it waits for its time again.
 */
export async function sendScheduledMessage(
  deps: ScheduledSendDeps,
  messageId: number,
): Promise<ScheduledSendOutcome> {
  const first = await readUnsentMessage(deps.db, messageId);
  if (!first || first.refusal !== null) return "gone";
  const now = deps.clock.now();
  if (first.scheduledFor.getTime() > now.getTime()) {
    const runAt = first.scheduledFor;
    await deps.db.transaction().execute((trx) =>
      enqueue(
        trx,
        "send_scheduled_message",
        { messageId },
        {
          runAt,
          jobKey: scheduledJobKey(messageId),
        },
      ),
    );
    return "not_due";
  }
  const view = await senderView(deps, first);
  return deps.db.transaction().execute(async (trx): Promise<ScheduledSendOutcome> => {
    await lockConversation(trx, first.conversationId);
    const message = await lockUnsentMessage(trx, first.organizationId, messageId, null);
    if (!message || message.refusal !== null) return "gone";
    if (message.scheduledFor.getTime() > now.getTime()) return "not_due";
    if ("refusal" in view) return refuse(trx, message, view.refusal);
    const reason = refusalNow(view.scope, view.conversation, message);
    if (reason !== null) return refuse(trx, message, reason);
    const { scope, conversation } = view;
    await removeUnsentMessage(trx, messageId);
    await writeMessage(trx, {
      organizationId: message.organizationId,
      conversationId: message.conversationId,
      senderId: message.senderId,
      clientId: message.clientId,
      body: message.body,
      type: message.type,
      priority: message.priority,
      sentAt: now,
      scheduledFor: message.scheduledFor,
      readBy: [message.senderId],
      signed: scope.policy.useSignature({ actor: scope.actor }).allowed,
      mentions: {
        userIds: mentionsIn(
          scope,
          message.body,
          conversation,
          conversation.participants.map((party) => ({
            party,
            name: conversation.names.get(party.userId) ?? "",
          })),
        ),
        by: conversation.names.get(message.senderId) ?? "",
      },
    });
    return "sent";
  });
}
