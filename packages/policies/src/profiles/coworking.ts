/** `coworking`: a coworking space's messenger (seed 003). */
import { deny } from "../decision";
import type { Rule } from "../decisions";
import { boardCategories, leaseStatuses } from "../facts";
import type { NotifyInput, ReplyInput } from "../inputs";
import { choice, defineProfile, fromSeed } from "../profile";
import { commonDecisions } from "../rules";
import { documentTypes, MB, seedFiles } from "./shared";
import { coworkingWords } from "./vocabularies";

const s003 = (says: string) => fromSeed(seedFiles.coworking, says);
const noBoard = choice("No message board in this vendor's article.");
const notInArticle = choice(
  "Not part of this vendor's messages; left off so the product matches what its users know.",
);

/** Push goes through the mobile app, which only a branded app has. */
const notify: Rule<NotifyInput> = (knobs, input) => {
  if (input.channel === "push" && !input.org.brandedApp) {
    return deny(
      "push_requires_branded_app",
      "Push notifications are sent only through the space's branded mobile app.",
    );
  }
  return commonDecisions.notify(knobs, input);
};

/**
 * Announcements come from the space, so they can't be answered in the portal; when one was also
 * emailed, its email copy is the way to answer (seed 003). Without an email there is nothing to
 * answer, so the reason doesn't send the member looking for one.
 */
function fromTheSpace(rule: Rule<ReplyInput>): Rule<ReplyInput> {
  return (knobs, input) => {
    const decision = rule(knobs, input);
    if (decision.code !== "no_reply") return decision;
    const fromSpace =
      "This message comes from the space, not a person, so it can't be answered in the portal.";
    return deny(
      "no_reply",
      input.conversation.emailed ? `${fromSpace} Reply to its email instead.` : fromSpace,
    );
  };
}

const reply = fromTheSpace(commonDecisions.reply);
const replyPrivately = fromTheSpace(commonDecisions.replyPrivately);

export const coworkingProfile = defineProfile({
  id: "coworking",
  name: "Coworking space",
  description:
    "Admins send notifications from the space to all contacts, a filtered group (location, status, plan) or specific contacts; they can't be answered in the portal. Members may message one active member at a time when the space allows it.",
  seeds: [seedFiles.coworking],
  vocabulary: coworkingWords,
  settings: {
    initiators: {
      value: [],
      source: choice(
        "Members write to other members when the space allows it; they reach the space by email or tickets, as the article's FAQ says.",
      ),
    },
    managerChat: {
      value: false,
      source: s003(
        "Messages in the Admin Portal can only be used to send notifications to people; they cannot be used for chat.",
      ),
    },
    channels: {
      value: ["tenants"],
      source: choice(
        "Members are the only contacts; no team, service pro or owner channels are described.",
      ),
    },
    unitGroupChats: { value: false, source: choice("A space has no units to chat with.") },
    requireConnection: {
      value: false,
      source: choice("Every contact of the space can be messaged; there is no connection step."),
    },
    startLeaseStatuses: {
      value: [...leaseStatuses],
      source: choice("Members are gated by member status, not by leases."),
    },
    replyLeaseStatuses: {
      value: [...leaseStatuses],
      source: choice("Members are gated by member status, not by leases."),
    },
    subUserChat: {
      value: "all",
      source: s003("As an admin, you can send messages to your community."),
    },
    subUserBroadcast: {
      value: "all",
      source: s003("As an admin, you can send messages to your community."),
      overridable: true,
    },
    subUserSettings: {
      value: "with_permission",
      source: choice(
        "Member Apps settings are an admin's; the account owner decides which admins.",
      ),
      overridable: true,
    },
    subUserBoard: { value: "none", source: noBoard },
    broadcasts: {
      value: true,
      source: s003("As an admin, you can send messages to your community."),
    },
    broadcastAudiences: {
      value: ["all", "filtered", "specific"],
      source: s003(
        "The To field dropdown menu offers three options: All contacts, Filtered group of contacts, Specific contacts (you can select multiple members).",
      ),
    },
    broadcastFilters: {
      value: ["property", "member_status", "plan"],
      source: s003("Filtered group of contacts - filter by Location, Status, and Plan."),
    },
    broadcastNoReply: {
      value: true,
      source: s003(
        "The member can answer via email but not via the Member Portal ... Because there is no one to reply to, the message intentionally comes from the space, not a specific admin.",
      ),
    },
    broadcastSender: {
      value: "organization",
      source: s003("These messages will come from your space's name."),
    },
    showRecipientCount: {
      value: true,
      source: s003(
        "The system will also show you the number of people receiving the message after filtering.",
      ),
    },
    memberMessaging: {
      value: false,
      source: s003(
        "You can allow your members to communicate with each other with the Messages functionality (Settings > Member Apps > Member Pages > Messages).",
      ),
      overridable: true,
      customerEditable: true,
    },
    board: { value: false, source: noBoard },
    boardCategories: { value: [...boardCategories], source: noBoard },
    commentDeleteUntilSeen: { value: true, source: noBoard },
    boardResidentPosts: { value: false, source: noBoard },
    boardPostApproval: { value: true, source: noBoard },
    readReceipts: {
      value: "nobody",
      source: choice(
        "Admin messages are notifications from the space; no read tracking is described.",
      ),
      overridable: true,
    },
    messageEditing: {
      value: false,
      source: s003("All exchanged messages will be recorded to keep track of the conversations."),
    },
    editWindowMinutes: { value: 15, source: choice("Unused while editing is off.") },
    messageDeleting: {
      value: false,
      source: s003("All exchanged messages will be recorded to keep track of the conversations."),
    },
    deleteWindowMinutes: { value: 15, source: choice("Unused while deleting is off.") },
    attachments: {
      value: false,
      source: choice("The article describes text messages and their email copies only."),
      overridable: true,
    },
    maxAttachmentBytes: {
      value: 10 * MB,
      source: choice("If a space turns attachments on: room for a floor plan or an invoice."),
      overridable: true,
    },
    attachmentTypes: {
      value: [...documentTypes],
      source: choice("If a space turns attachments on: images, PDFs and office documents."),
      overridable: true,
    },
    copyToEmail: {
      value: true,
      source: s003(
        "Send an email - if the box is checked, the system will also email the contacts as long as they have an email in their member profile.",
      ),
    },
    scheduledSend: { value: false, source: notInArticle },
    templates: { value: false, source: notInArticle },
    signatures: {
      value: false,
      source: choice(
        "Messages come from the space's name, not a person, so a personal signature does not fit.",
      ),
    },
    autoResponses: { value: false, source: notInArticle },
    priorityMarking: { value: false, source: notInArticle },
    messageTypes: { value: ["general"], source: notInArticle },
    mentions: {
      value: false,
      source: choice("Member messages go to one member; there is nobody else to mention."),
    },
    maintenanceThreads: {
      value: false,
      source: choice(
        'Requests go through tickets in this vendor ("Use tickets if you want access to a record").',
      ),
    },
    maintenanceThreadOptOut: {
      value: false,
      source: choice("No maintenance threads, so nothing to opt out of."),
    },
    notificationChannels: {
      value: ["email", "push"],
      source: s003(
        "They will receive messages in their Members Portal and/or mailbox ... A push notification is sent from the mobile app. This is only supported in branded apps.",
      ),
    },
    notificationPreferences: {
      value: false,
      source: choice("The article lists where messages appear; no per-member switch is described."),
    },
    participantInfo: { value: false, source: notInArticle },
    urgentBreaksQuietHours: { value: false, source: notInArticle, overridable: true },
  },
  decisions: { notify, reply, replyPrivately },
});
