/** What the service worker receives: enough to show the notification and open the conversation. */
import type { AppKind } from "@hearth/db";

export interface PushPayload {
  title: string;
  body: string;
  /** The path to open on a click, in the app the recipient uses. */
  url: string;
  /** Notifications with the same tag replace each other: one per message, however often sent. */
  tag: string;
  conversationId: string;
  messageId: number;
}

/** The conversation's page in each app. */
export function conversationPath(app: AppKind, conversationId: string): string {
  return app === "manager" ? `/inbox/${conversationId}` : `/messages/${conversationId}`;
}

export function pushPayload(input: {
  app: AppKind;
  from: string;
  mentioned: boolean;
  body: string;
  conversationId: string;
  messageId: number;
}): PushPayload {
  const excerpt = input.body.length > 140 ? `${input.body.slice(0, 139)}…` : input.body;
  return {
    title: input.mentioned ? `${input.from} mentioned you` : input.from,
    body: excerpt,
    url: conversationPath(input.app, input.conversationId),
    tag: `message-${input.messageId}`,
    conversationId: input.conversationId,
    messageId: input.messageId,
  };
}
