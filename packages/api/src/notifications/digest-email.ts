/** The text of one person's digest of unread messages. */
import type { AppKind } from "@hearth/db";
import type { QueuedEmail } from "../outbox";
import type { DigestCandidate } from "./digest-candidates";

/** Where a person opens a conversation, in the app they use. */
export function conversationUrl(appUrl: string, app: AppKind, conversationId: string): string {
  return `${appUrl}/${app === "manager" ? "inbox" : "messages"}/${conversationId}`;
}

export interface DigestRecipient {
  userId: string;
  email: string;
  displayName: string;
  app: AppKind;
  appUrl: string;
  organizationId: string;
  organizationName: string;
  replyTo: string | null;
  unsubscribeUrl: string;
}

const EXCERPT_LENGTH = 200;

function excerpt(body: string): string {
  const line = body.replace(/\s+/g, " ").trim();
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH - 1)}…` : line;
}

export function digestEmail(
  recipient: DigestRecipient,
  messages: readonly DigestCandidate[],
): QueuedEmail {
  const first = messages[0];
  const last = messages[messages.length - 1];
  if (!first || !last) throw new Error("A digest needs at least one message.");
  const count = messages.length;
  const subject =
    count === 1
      ? `New message from ${first.senderName}`
      : `${count} unread messages in ${recipient.organizationName}`;
  const lines = messages.flatMap((message) => [
    `${message.priority === "high" ? "[High priority] " : ""}${message.senderName}${
      message.conversationTitle ? ` in ${message.conversationTitle}` : ""
    }${message.mentioned ? " mentioned you" : ""}:`,
    `  ${excerpt(message.body)}`,
    `  ${conversationUrl(recipient.appUrl, recipient.app, message.conversationId)}`,
    "",
  ]);
  const text = [
    `Hello ${recipient.displayName},`,
    "",
    count === 1
      ? "You have a message you haven't read yet:"
      : `You have ${count} messages you haven't read yet:`,
    "",
    ...lines,
    `You get these emails because you have email notifications on in ${recipient.organizationName}.`,
    `Stop them: ${recipient.unsubscribeUrl}`,
  ].join("\n");
  return {
    to: recipient.email,
    subject,
    text,
    organizationId: recipient.organizationId,
    fromName: recipient.organizationName,
    replyTo: recipient.replyTo,
    headers: {
      "List-Unsubscribe": `<${recipient.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    dedupeKey: `digest:${recipient.userId}:${first.messageId}-${last.messageId}:${count}`,
  };
}
