/** What a notification is about, and the channels a person can choose per kind. */
import type { ConversationKind, MessageType } from "@hearth/db";

export const notificationKinds = [
  "direct_message",
  "group",
  "broadcast",
  "mention",
  "maintenance",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** The channels of the settings page. */
export const preferenceChannels = ["in_app", "desktop", "email", "push", "sms"] as const;
export type PreferenceChannel = (typeof preferenceChannels)[number];

export const channelLabels: Record<PreferenceChannel, string> = {
  in_app: "In-app",
  desktop: "Desktop",
  email: "Email",
  push: "Push",
  sms: "SMS",
};

export const notificationKindLabels: Record<NotificationKind, string> = {
  direct_message: "Direct messages",
  group: "Group conversations",
  broadcast: "Broadcasts",
  mention: "Mentions",
  maintenance: "Maintenance updates",
};

/** The kind a message is to one of its recipients: a mention outranks where it was written. */
export function kindOfMessage(
  conversationKind: ConversationKind,
  messageType: MessageType,
  mentionsRecipient: boolean,
): NotificationKind {
  if (mentionsRecipient) return "mention";
  if (conversationKind === "maintenance" || messageType === "maintenance") return "maintenance";
  if (conversationKind === "broadcast") return "broadcast";
  if (conversationKind === "direct") return "direct_message";
  return "group";
}
