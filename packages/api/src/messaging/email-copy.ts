/**
 * "Send a copy of this message to your recipient email" (seed 001, 003): the other people of
 * the conversation get the message by email too, from the organization, through the outbox in
 * the transaction that writes the message.
 */
import type { Database, Transaction } from "@hearth/db";
import { appForKind } from "../auth/lucia";
import type { Context } from "../context";
import { organizationReplyTo } from "../mail/reply-to";
import { conversationUrl } from "../notifications/digest-email";
import { type QueuedEmail, queueEmails } from "../outbox";
import type { PolicyScope } from "../policy/gateway";

interface CopiedMessage {
  organizationId: string;
  conversationId: string;
  messageId: number;
  senderId: string;
  senderName: string;
  body: string;
}

/** Queues the copies; returns how many were queued (a retried send queues none again). */
export async function queueEmailCopies(
  trx: Transaction<Database>,
  ctx: Pick<Context, "urls">,
  scope: PolicyScope,
  message: CopiedMessage,
): Promise<number> {
  const [organization, recipients] = await Promise.all([
    trx
      .selectFrom("organizations as o")
      .select(["o.name", organizationReplyTo("o").as("replyTo")])
      .where("o.id", "=", message.organizationId)
      .executeTakeFirstOrThrow(),
    trx
      .selectFrom("conversation_participants as p")
      .innerJoin("users as u", "u.id", "p.user_id")
      .select(["u.id", "u.email", "u.kind"])
      .where("p.conversation_id", "=", message.conversationId)
      .where("p.organization_id", "=", message.organizationId)
      .where("u.id", "!=", message.senderId)
      .execute(),
  ]);
  const emails: QueuedEmail[] = recipients
    .filter(
      (r) =>
        scope.policy.deliverEmailCopy({ recipientHasEmail: r.email.trim().length > 0 }).allowed,
    )
    .map((recipient) => {
      const app = appForKind[recipient.kind];
      const link = conversationUrl(ctx.urls[app], app, message.conversationId);
      return {
        dedupeKey: `copy:${message.messageId}:${recipient.id}`,
        to: recipient.email,
        subject: `Message from ${message.senderName} (${organization.name})`,
        text: `${message.body}\n\n—\n${message.senderName} sent you this in ${organization.name}'s messages. Read and answer it at ${link}`,
        fromName: organization.name,
        replyTo: organization.replyTo,
        organizationId: message.organizationId,
      };
    });
  return queueEmails(trx, emails);
}
