/** How each knob reads in the operator console and the README. */
import type { KnobName, Knobs } from "./knobs";
import {
  audienceLabels,
  categoryLabels,
  channelLabels,
  filterLabels,
  formatBytes,
  leaseStatusLabels,
  messageTypeLabels,
  notificationLabels,
} from "./labels";

export const knobLabels: Record<KnobName, string> = {
  initiators: "Who besides managers may start conversations",
  managerChat: "Managers chat one-on-one with contacts",
  channels: "Inbox channels",
  unitGroupChats: "Whole-unit group chats",
  requireConnection: "Only connected users can message",
  startLeaseStatuses: "Residents' lease statuses open to new conversations",
  replyLeaseStatuses: "Residents' lease statuses that keep writing in threads",
  subUserChat: "Sub-users may chat",
  subUserBroadcast: "Sub-users may broadcast",
  subUserBoard: "Sub-users may manage the board",
  subUserSettings: "Sub-users may change the organization's settings",
  broadcasts: "Broadcast messages",
  broadcastAudiences: "Broadcast audiences",
  broadcastFilters: "Broadcast filters",
  broadcastNoReply: "Broadcasts are no-reply",
  broadcastSender: "Broadcasts come from",
  showRecipientCount: "Show the number of recipients",
  memberMessaging: "Member-to-member messages",
  board: "Property message board",
  boardCategories: "Board post kinds",
  commentDeleteUntilSeen: "Residents delete comments only until seen",
  boardResidentPosts: "Residents may post on the board",
  boardPostApproval: "Residents' board posts wait for a manager's approval",
  readReceipts: "Who sees read receipts",
  messageEditing: "Edit sent messages",
  editWindowMinutes: "Edit window",
  messageDeleting: "Delete sent messages",
  deleteWindowMinutes: "Delete window",
  attachments: "Attachments",
  maxAttachmentBytes: "Largest attachment",
  attachmentTypes: "Attachment types",
  copyToEmail: "Also send as email",
  scheduledSend: "Scheduled send",
  templates: "Message templates",
  signatures: "Signatures",
  autoResponses: "Auto-responses",
  priorityMarking: "Priority marking",
  messageTypes: "Message types",
  mentions: "@mentions",
  maintenanceThreads: "Maintenance request threads",
  maintenanceThreadOptOut: "Managers may opt out of tenant-request threads",
  notificationChannels: "Notification channels besides in-app",
  notificationPreferences: "People choose their notification channels",
  participantInfo: "Tenant info / group details panel",
  urgentBreaksQuietHours: "High-priority messages break through quiet hours",
};

const wordsFor: Partial<Record<KnobName, Record<string, string>>> = {
  channels: channelLabels,
  startLeaseStatuses: leaseStatusLabels,
  replyLeaseStatuses: leaseStatusLabels,
  broadcastAudiences: audienceLabels,
  broadcastFilters: filterLabels,
  boardCategories: categoryLabels,
  messageTypes: messageTypeLabels,
  notificationChannels: notificationLabels,
  initiators: { resident: "residents", service_pro: "service pros", owner: "owners" },
  subUserChat: { all: "all", with_permission: "with permission", none: "no" },
  subUserBroadcast: { all: "all", with_permission: "with permission", none: "no" },
  subUserBoard: { all: "all", with_permission: "with permission", none: "no" },
  subUserSettings: { all: "all", with_permission: "with permission", none: "no" },
  readReceipts: { everyone: "everyone", managers: "managers", nobody: "nobody" },
  broadcastSender: { organization: "the organization", author: "the author" },
  attachmentTypes: {
    "image/*": "images",
    "video/*": "videos",
    "application/pdf": "PDF",
    "text/plain": "text",
    "application/msword": "Word",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (docx)",
    "application/vnd.ms-excel": "Excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel (xlsx)",
  },
};

/** A knob's value as a person reads it ("on", "25 MB", "active, future"). */
export function formatKnob<K extends KnobName>(name: K, value: Knobs[K]): string {
  if (typeof value === "boolean") return value ? "on" : "off";
  if (typeof value === "number") {
    return name === "maxAttachmentBytes" ? formatBytes(value) : `${value} min`;
  }
  const words = wordsFor[name];
  const word = (item: string) => words?.[item] ?? item;
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(word).join(", ");
  return word(String(value));
}
