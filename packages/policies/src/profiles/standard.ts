/** `standard`: a full-featured manager-to-resident messenger (seed 000). */
import { messageTypes } from "../facts";
import { choice, defineProfile, fromSeed } from "../profile";
import { documentTypes, MB, seedFiles } from "./shared";
import { standardWords } from "./vocabularies";

const s000 = (says: string) => fromSeed(seedFiles.individual, says);
const boardOff = choice(
  "No message board in this vendor's article; kept consistent in case an organization gets one.",
);
const broadcastShape = choice(
  "Broadcasts are off here; these apply only if an organization turns them on.",
);

export const standardProfile = defineProfile({
  id: "standard",
  name: "Standard",
  description:
    "A full-featured manager-to-resident messenger: individual conversations, attachments, scheduled send, read receipts, priority, templates, signatures and after-hours auto-responses.",
  seeds: [seedFiles.individual],
  vocabulary: standardWords,
  settings: {
    initiators: {
      value: ["resident"],
      source: s000("Control who can initiate conversations and manage read receipt visibility."),
      overridable: true,
      customerEditable: true,
    },
    managerChat: {
      value: true,
      source: s000(
        "Send individual messages to residents for private matters, maintenance updates, payment reminders, or general inquiries.",
      ),
    },
    channels: {
      value: ["team", "tenants"],
      source: choice(
        "The article is about residents; a team channel is what a management team expects. Service pros and owners are not in its contact list.",
      ),
      overridable: true,
    },
    unitGroupChats: {
      value: false,
      source: choice("The article covers individual messaging only."),
      overridable: true,
    },
    requireConnection: {
      value: false,
      source: choice(
        "Residents are picked from the contact list by name, unit or property; no connection step is described.",
      ),
    },
    startLeaseStatuses: {
      value: ["active", "future"],
      source: choice(
        "Incoming residents need move-in messages; former residents drop out of the contact list.",
      ),
      overridable: true,
    },
    replyLeaseStatuses: {
      value: ["active", "future", "expired"],
      source: choice(
        "Threads stay open after move-out for deposit and final-bill questions; the history is kept.",
      ),
      overridable: true,
    },
    subUserChat: {
      value: "all",
      source: choice("Team members answer residents from the shared inbox."),
      overridable: true,
    },
    subUserBroadcast: {
      value: "with_permission",
      source: choice("Announcements speak for the company, so the account owner grants them."),
      overridable: true,
    },
    subUserSettings: {
      value: "with_permission",
      source: choice(
        "Who may message whom speaks for the company, so the account owner decides which team members may change it.",
      ),
      overridable: true,
    },
    subUserBoard: { value: "with_permission", source: boardOff },
    broadcasts: {
      value: false,
      source: choice("The article describes individual messages only."),
      overridable: true,
    },
    broadcastAudiences: { value: ["all", "filtered", "specific"], source: broadcastShape },
    broadcastFilters: { value: ["property", "lease_status"], source: broadcastShape },
    broadcastNoReply: {
      value: true,
      source: choice("An announcement is one-way; residents answer in a direct message."),
      overridable: true,
    },
    broadcastSender: {
      value: "author",
      source: choice(
        "Messages carry the manager's professional signature, so they come from a person.",
      ),
    },
    showRecipientCount: { value: true, source: broadcastShape },
    memberMessaging: {
      value: false,
      source: choice("Residents talk with their manager, not with each other."),
    },
    board: { value: false, source: boardOff },
    boardCategories: {
      value: ["notice", "announcement", "job", "for_sale", "wanted", "lost_found"],
      source: boardOff,
    },
    commentDeleteUntilSeen: { value: true, source: boardOff },
    boardResidentPosts: { value: false, source: boardOff },
    boardPostApproval: { value: true, source: boardOff },
    readReceipts: {
      value: "managers",
      source: s000(
        "See when residents have read your messages to ensure important information is received.",
      ),
      overridable: true,
      customerEditable: true,
    },
    messageEditing: {
      value: true,
      source: choice(
        "Fixing a typo right after sending is expected; a short window keeps the record honest.",
      ),
      overridable: true,
    },
    editWindowMinutes: {
      value: 15,
      source: choice(
        "Long enough to fix a typo, short enough that the reader has not acted on it.",
      ),
      overridable: true,
    },
    messageDeleting: {
      value: true,
      source: choice("Same as editing: a message sent by mistake can be withdrawn quickly."),
      overridable: true,
    },
    deleteWindowMinutes: {
      value: 15,
      source: choice("Same window as editing."),
      overridable: true,
    },
    attachments: {
      value: true,
      source: s000(
        "Attach relevant documents, images, or files to support your message (optional).",
      ),
    },
    maxAttachmentBytes: {
      value: 25 * MB,
      source: choice("Fits scanned leases and phone photos; the usual email limit."),
      overridable: true,
    },
    attachmentTypes: {
      value: [...documentTypes],
      source: choice('"Documents, images, or files": office documents, PDFs, text and images.'),
      overridable: true,
    },
    copyToEmail: {
      value: false,
      source: choice(
        "Residents choose email notifications instead; a copy of the message is not described.",
      ),
      overridable: true,
    },
    scheduledSend: {
      value: true,
      source: s000(
        "Send your message immediately or schedule it for later delivery at a specific date and time.",
      ),
    },
    templates: {
      value: true,
      source: s000("Create and save message templates for frequently sent communications."),
    },
    signatures: {
      value: true,
      source: s000("Add a professional signature to all your outgoing messages automatically."),
    },
    autoResponses: {
      value: true,
      source: s000("Set up automatic responses for messages received outside business hours."),
    },
    priorityMarking: {
      value: true,
      source: s000(
        "Mark urgent messages as high priority to ensure timely attention and response.",
      ),
    },
    messageTypes: {
      value: [...messageTypes],
      source: s000(
        "Different types of messages you can send to residents (general, maintenance, payment reminders, lease, events, document requests).",
      ),
    },
    mentions: {
      value: false,
      source: choice("Conversations are one-to-one; there is nobody else to mention."),
    },
    maintenanceThreads: {
      value: false,
      source: choice(
        'Maintenance is a message type here ("Notify residents about maintenance schedules"), not a thread per request.',
      ),
    },
    maintenanceThreadOptOut: {
      value: false,
      source: choice("No maintenance threads, so nothing to opt out of."),
    },
    notificationChannels: {
      value: ["email", "sms", "push"],
      source: s000(
        "Choose how you want to be notified about new messages (email, SMS, push notifications).",
      ),
    },
    notificationPreferences: {
      value: true,
      source: s000(
        "Choose how you want to be notified about new messages (email, SMS, push notifications).",
      ),
    },
    participantInfo: {
      value: true,
      source: choice(
        "Residents are found by name, unit or property, so managers expect to see that context in the thread.",
      ),
    },
    urgentBreaksQuietHours: {
      value: true,
      source: choice(
        "Urgent messages are marked high priority for timely attention, so they still reach people in their quiet hours.",
      ),
      overridable: true,
    },
  },
});
