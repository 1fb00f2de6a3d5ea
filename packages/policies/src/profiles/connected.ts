/** `connected`: a messenger between connected users, with channels and a property board (seeds 001, 002). */
import { boardCategories, leaseStatuses } from "../facts";
import { choice, defineProfile, fromSeed } from "../profile";
import { documentTypes, MB, seedFiles } from "./shared";
import { connectedWords } from "./vocabularies";

const s001 = (says: string) => fromSeed(seedFiles.connectedManager, says);
const s002 = (says: string) => fromSeed(seedFiles.connectedTenant, says);
const broadcastShape = choice(
  "Broadcasts are off here; these apply only if an organization turns them on.",
);
const notInArticles = choice(
  "Not part of this vendor's messenger; left off so the product matches what its users know.",
);

export const connectedProfile = defineProfile({
  id: "connected",
  name: "Connected users",
  description:
    "Messages only between connected users, in Team / Tenants / Service Pros / Owners / Maintenance Requests channels, with @mentions, an email copy, a property message board and one thread per maintenance request.",
  seeds: [seedFiles.connectedManager, seedFiles.connectedTenant],
  vocabulary: connectedWords,
  customerChoosesMode: true,
  settings: {
    initiators: {
      value: ["resident", "service_pro", "owner"],
      source: s002(
        "How do I send a message? ... Search for a name within your connected contacts. (the tenant starts new messages)",
      ),
    },
    managerChat: {
      value: true,
      source: s001(
        "If you would like to send a message to one of your connected contacts, click the Messages icon in the header of your dashboard.",
      ),
    },
    channels: {
      value: ["team", "tenants", "service_pros", "owners", "maintenance"],
      source: s001(
        "The contact list is divided into different channels: Team, Tenants, Service Pros, Owners, Maintenance Requests.",
      ),
    },
    unitGroupChats: {
      value: false,
      source: choice("Dialogues are per contact; no unit group chat is described."),
    },
    requireConnection: {
      value: true,
      source: s001("You can communicate via Messenger only with connected users."),
    },
    startLeaseStatuses: {
      value: [...leaseStatuses],
      source: choice(
        "The connection is this vendor's gate: a connected contact is reachable whatever the lease dates.",
      ),
    },
    replyLeaseStatuses: {
      value: [...leaseStatuses],
      source: choice("Same as starting: the connection decides, not the lease."),
    },
    subUserChat: {
      value: "all",
      source: choice(
        "Sub-admins share the team chat and the inbox; the seed asks only that they be connected.",
      ),
      overridable: true,
    },
    subUserBroadcast: { value: "with_permission", source: broadcastShape },
    subUserSettings: {
      value: "with_permission",
      source: choice(
        "The account mode and channels are the landlord's; the account owner lets a sub-admin change them.",
      ),
      overridable: true,
    },
    subUserBoard: {
      value: "with_permission",
      source: choice(
        "Board posts speak for the landlord, so the account owner grants posting to sub-admins.",
      ),
      overridable: true,
    },
    broadcasts: {
      value: false,
      source: choice("The Property Message Board is how this vendor addresses everyone at once."),
    },
    broadcastAudiences: { value: ["all", "filtered", "specific"], source: broadcastShape },
    broadcastFilters: { value: ["property", "lease_status"], source: broadcastShape },
    broadcastNoReply: { value: true, source: broadcastShape },
    broadcastSender: { value: "author", source: broadcastShape },
    showRecipientCount: { value: true, source: broadcastShape },
    memberMessaging: {
      value: false,
      source: choice("Tenants are connected to their landlord, not to each other."),
    },
    board: {
      value: true,
      source: s002(
        "Your landlord/property manager can communicate and share files with you in the Property Message Board.",
      ),
    },
    boardCategories: {
      value: [...boardCategories],
      source: s002(
        "Job postings, items for sale (or wanted for purchase), lost or found items, notices and announcements can be posted here.",
      ),
    },
    commentDeleteUntilSeen: {
      value: true,
      source: s002(
        "You can remove your comments only if the comment was not seen by your landlord.",
      ),
    },
    boardResidentPosts: {
      value: false,
      source: s002(
        "A list of all publications which were posted by your landlord/property manager will be displayed on the left sidebar.",
      ),
      overridable: true,
    },
    boardPostApproval: {
      value: true,
      source: choice(
        "Where an organization lets tenants post, a manager approves each post before it appears, so the board keeps speaking for the landlord.",
      ),
      overridable: true,
    },
    readReceipts: {
      value: "managers",
      source: choice(
        'The seeds show "seen" only on the landlord\'s side (comments seen by your landlord).',
      ),
      overridable: true,
      customerEditable: true,
    },
    messageEditing: {
      value: true,
      source: choice("A modern messenger lets you fix a typo right after sending."),
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
      source: choice("A message sent by mistake can be withdrawn quickly."),
      overridable: true,
    },
    deleteWindowMinutes: {
      value: 15,
      source: choice("Same window as editing."),
      overridable: true,
    },
    attachments: {
      value: true,
      source: s001(
        "Messenger is a communication tool that allows users to send messages & files to connected contacts.",
      ),
    },
    maxAttachmentBytes: {
      value: 20 * MB,
      source: choice("Room for photos of a repair and scanned documents."),
      overridable: true,
    },
    attachmentTypes: {
      value: [...documentTypes],
      source: choice(
        "Files between landlords, tenants and pros: images, PDFs and office documents.",
      ),
      overridable: true,
    },
    copyToEmail: {
      value: true,
      source: s002("You can send a copy of this message to your recipient email."),
      overridable: true,
    },
    scheduledSend: { value: false, source: notInArticles },
    templates: { value: false, source: notInArticles },
    signatures: { value: false, source: notInArticles },
    autoResponses: { value: false, source: notInArticles },
    priorityMarking: { value: false, source: notInArticles },
    messageTypes: {
      value: ["general"],
      source: choice("Messages are untyped here; maintenance has its own threads."),
    },
    mentions: {
      value: true,
      source: s001("You can also mention a person in a particular chat using @ sign."),
    },
    maintenanceThreads: {
      value: true,
      source: s001(
        'If you are connected and the Maintenance request is shared with them, the system automatically creates a separate "Maintenance Requests" thread on their end.',
      ),
    },
    maintenanceThreadOptOut: {
      value: true,
      source: s001(
        'If you do not wish to communicate within the request created by your Tenants, simply disable this option in your "Maintenance Settings".',
      ),
    },
    notificationChannels: {
      value: ["email", "desktop"],
      source: s001(
        "Your contacts will be notified when new internal messages arrive by an icon in the top menu as well as via email notification.",
      ),
    },
    notificationPreferences: {
      value: true,
      source: s002(
        "Whether or not you choose to receive Desktop Notifications, you will still receive notifications via the red 'bubble' notifications on your dashboard.",
      ),
    },
    participantInfo: { value: false, source: notInArticles, overridable: true },
    urgentBreaksQuietHours: { value: false, source: notInArticles, overridable: true },
  },
});
