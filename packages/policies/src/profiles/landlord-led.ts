/** `landlord-led`: the landlord starts chats with tenants on active leases (seed 004). */
import { boardCategories } from "../facts";
import { choice, defineProfile, fromSeed } from "../profile";
import { MB, mediaTypes, seedFiles } from "./shared";
import { landlordLedWords } from "./vocabularies";

const s004 = (says: string) => fromSeed(seedFiles.landlordLed, says);
const broadcastShape = choice(
  "Broadcasts are off here; these apply only if an organization turns them on.",
);
const noBoard = choice("No message board in this vendor's chat.");
const notInArticle = choice(
  "Not part of this vendor's chat; left off so the product matches what its users know.",
);

export const landlordLedProfile = defineProfile({
  id: "landlord-led",
  name: "Landlord-led chat",
  description:
    "The main landlord user starts individual or whole-unit chats with tenants on active leases; tenants reply but cannot start chats; sub-users have no chat; messages stay in the app.",
  seeds: [seedFiles.landlordLed],
  vocabulary: landlordLedWords,
  settings: {
    initiators: {
      value: [],
      source: s004(
        "Tenants are not able to initiate a chat from their portal. They will only be able to chat with you if you initiate the conversation.",
      ),
    },
    managerChat: {
      value: true,
      source: s004(
        "You can easily initiate, continue, and store conversations between you and your current tenants in Innago through our Chat Feature.",
      ),
    },
    channels: {
      value: ["tenants"],
      source: s004("Conversations between you and your current tenants."),
    },
    unitGroupChats: {
      value: true,
      source: s004(
        'You can select multiple recipients by selecting a property unit from the "To" field. All tenants of the selected unit will receive a new chat message and will be able to participate in a shared conversation with each other.',
      ),
    },
    requireConnection: {
      value: false,
      source: choice("Tenants are reached through their lease; no connection step is described."),
    },
    startLeaseStatuses: {
      value: ["active"],
      source: s004(
        "Chats can only be initiated with current, Active tenants. You cannot chat with tenants who are on Expired or Future Leases.",
      ),
    },
    replyLeaseStatuses: {
      value: ["active"],
      source: s004("You cannot chat with tenants who are on Expired or Future Leases."),
    },
    subUserChat: {
      value: "none",
      source: s004(
        "The Chat feature is currently only available for the main landlord user. It is not available yet for sub-user accounts.",
      ),
    },
    subUserBroadcast: {
      value: "none",
      source: choice("Consistent with chat: only the main landlord user speaks to tenants."),
    },
    subUserSettings: {
      value: "none",
      source: s004(
        "The Chat feature is currently only available for the main landlord user. It is not available yet for sub-user accounts.",
      ),
    },
    subUserBoard: { value: "none", source: noBoard },
    broadcasts: {
      value: false,
      source: choice("Whole-unit group chats are how this vendor reaches several tenants at once."),
    },
    broadcastAudiences: { value: ["all", "filtered", "specific"], source: broadcastShape },
    broadcastFilters: { value: ["property", "lease_status"], source: broadcastShape },
    broadcastNoReply: { value: true, source: broadcastShape },
    broadcastSender: { value: "author", source: broadcastShape },
    showRecipientCount: { value: true, source: broadcastShape },
    memberMessaging: {
      value: false,
      source: s004("They will only be able to chat with you if you initiate the conversation."),
    },
    board: { value: false, source: noBoard },
    boardCategories: { value: [...boardCategories], source: noBoard },
    commentDeleteUntilSeen: { value: true, source: noBoard },
    boardResidentPosts: { value: false, source: noBoard },
    boardPostApproval: { value: true, source: noBoard },
    readReceipts: {
      value: "managers",
      source: choice(
        "The landlord wants to know a tenant saw the message; tenants are not shown receipts.",
      ),
      overridable: true,
    },
    messageEditing: {
      value: false,
      source: choice(
        '"Your conversation thread will be stored and remain accessible": messages are kept as sent.',
      ),
    },
    editWindowMinutes: { value: 15, source: choice("Unused while editing is off.") },
    messageDeleting: {
      value: false,
      source: choice(
        '"Your conversation thread will be stored and remain accessible": messages are kept as sent.',
      ),
    },
    deleteWindowMinutes: { value: 15, source: choice("Unused while deleting is off.") },
    attachments: {
      value: true,
      source: s004(
        "Once you've selected your recipient, you can begin a conversation to send messages and even share media files.",
      ),
    },
    maxAttachmentBytes: {
      value: 25 * MB,
      source: choice("Room for phone photos and short videos."),
      overridable: true,
    },
    attachmentTypes: {
      value: [...mediaTypes],
      source: choice('"Media files": photos and videos, plus PDFs for documents.'),
      overridable: true,
    },
    copyToEmail: {
      value: false,
      source: s004("Chat messages can only be sent and received within Innago."),
    },
    scheduledSend: { value: false, source: notInArticle },
    templates: {
      value: true,
      source: s004(
        "B. Creating Messaging Templates (help-centre article listed beside the chat article).",
      ),
      overridable: true,
    },
    signatures: { value: false, source: notInArticle },
    autoResponses: { value: false, source: notInArticle },
    priorityMarking: { value: false, source: notInArticle },
    messageTypes: { value: ["general"], source: notInArticle },
    mentions: { value: false, source: notInArticle },
    maintenanceThreads: {
      value: false,
      source: choice(
        'Maintenance is managed in its own section of this vendor ("10. Managing Maintenance"), not in chat.',
      ),
    },
    maintenanceThreadOptOut: {
      value: false,
      source: choice("No maintenance threads, so nothing to opt out of."),
    },
    notificationChannels: {
      value: ["email", "sms", "push"],
      source: s004(
        "When you initiate a new chat, tenants will be notified via the Innago mobile app, via e-mail, and they will also receive an SMS notification.",
      ),
    },
    notificationPreferences: {
      value: false,
      source: s004(
        "When you initiate a new chat, tenants will be notified via the Innago mobile app, via e-mail, and they will also receive an SMS notification.",
      ),
    },
    participantInfo: {
      value: true,
      source: s004(
        'You can access Tenant Info for each tenant you\'re chatting with ... If you\'re in a Group Chat, "Tenant Info" will be replaced with "Group Details".',
      ),
    },
    urgentBreaksQuietHours: { value: false, source: notInArticle, overridable: true },
  },
});
