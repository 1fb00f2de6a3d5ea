/** Conformance of `coworking` with seed 003 (003_13f7761103026399.txt). */
import { describe, expect, it } from "vitest";
import { broadcastOptions, describeRules } from "../src/index";
import {
  accountOwner,
  conversation,
  expectAllowed,
  expectRefused,
  minutesAgo,
  now,
  pmMode,
  policyOf,
  resident,
  subUser,
} from "./fixtures";

const policy = policyOf("coworking");
const withMembers = policyOf("coworking", { memberMessaging: true });
const org = pmMode;
const admin = accountOwner();
const member = resident("member-1", { leaseStatus: "none", connection: "none" });
const colleague = resident("member-2", { leaseStatus: "none", connection: "none" });
const formerMember = resident("member-3", {
  leaseStatus: "none",
  connection: "none",
  memberStatus: "inactive",
});

describe("coworking: seed 003 rules", () => {
  it("coworking: admins message individual members, in the portal and by mail — 'OfficeRnD allows you to send messages to individual members of the space. They will receive messages in their Members Portal and/or mailbox.'", () => {
    expectAllowed(
      policy.sendBroadcast({
        actor: admin,
        audience: { type: "specific", userIds: [member.userId] },
        recipientCount: 1,
      }),
    );
    expectAllowed(
      policy.startConversation({ org, actor: admin, kind: "broadcast", recipients: [member] }),
    );
    expectAllowed(policy.receiveBroadcast({ org, recipient: member }));
    expectAllowed(policy.deliverEmailCopy({ recipientHasEmail: true }));
  });

  it("coworking: messages are kept as a record — 'All exchanged messages will be recorded to keep track of the conversations.'", () => {
    const message = { authorId: member.userId, sentAt: minutesAgo(1), deletedAt: null };
    expectRefused(
      withMembers.editMessage({ actor: member, message, now }),
      "editing_disabled",
      "can't be edited",
    );
    expectRefused(
      withMembers.deleteMessage({ actor: member, message, now }),
      "deleting_disabled",
      "kept as a record",
    );
  });

  it("coworking: any admin sends messages to the community — 'As an admin, you can send messages to your community.'", () => {
    expectAllowed(policy.sendBroadcast({ actor: admin }));
    expectAllowed(policy.sendBroadcast({ actor: subUser() }));
    expectAllowed(policy.compose({ org, actor: admin }));
    expectRefused(
      policy.sendBroadcast({ actor: member }),
      "broadcast_managers_only",
      "Only managers",
    );
  });

  it("coworking: admin messages come from the space — 'These messages will come from your space's name'", () => {
    expect(policy.knobs.broadcastSender).toBe("organization");
    const row = describeRules(policy).find((r) => r.knob === "broadcastSender");
    expect(row).toMatchObject({ value: "the organization", source: "003_13f7761103026399.txt" });
  });

  it("coworking: messages show on the Messages page and the notifications dialog — 'On the Messages page on the Member Portal' / 'On the Notifications dialog'", () => {
    expectAllowed(policy.notify({ org, channel: "in_app" }));
    expectAllowed(policy.notify({ org, channel: "email" }));
    expectRefused(
      policy.notify({ org, channel: "sms" }),
      "notification_channel_unavailable",
      "SMS",
    );
  });

  it("coworking: push only from a branded app — 'A push notification is sent from the mobile app. This is only supported in branded apps.'", () => {
    expectAllowed(
      policy.notify({ org: { mode: "property_manager", brandedApp: true }, channel: "push" }),
    );
    expectRefused(
      policy.notify({ org, channel: "push" }),
      "push_requires_branded_app",
      "branded mobile app",
    );
  });

  it("coworking: the To field offers three kinds of recipients — 'The To field dropdown menu offers three options to pinpoint the recipients with a clear indication of their number'", () => {
    const offered = broadcastOptions(policy, { actor: admin });
    expectAllowed(offered.send);
    expectAllowed(offered.audiences.all);
    expectAllowed(offered.audiences.filtered);
    expectAllowed(offered.audiences.specific);
    expect(offered.showRecipientCount).toBe(true);
    const notAdmin = broadcastOptions(policy, { actor: member });
    expectRefused(notAdmin.send, "broadcast_managers_only", "Only managers");
    expectRefused(notAdmin.audiences.all, "broadcast_managers_only", "Only managers");
    expectRefused(notAdmin.filters.plan, "broadcast_managers_only", "Only managers");
  });

  it("coworking: send to all contacts — 'All contacts - send the message to all contacts.'", () => {
    expectAllowed(
      policy.sendBroadcast({ actor: admin, audience: { type: "all" }, recipientCount: 140 }),
    );
    expectAllowed(policy.receiveBroadcast({ org, recipient: formerMember }));
  });

  it("coworking: a filtered group by location, status and plan — 'Filtered group of contacts - filter by Location, Status, and Plan.'", () => {
    const send = (filters: object) =>
      policy.sendBroadcast({
        actor: admin,
        audience: { type: "filtered", filters },
        recipientCount: 8,
      });
    expectAllowed(send({ propertyIds: ["downtown"] }));
    expectAllowed(send({ memberStatuses: ["active"] }));
    expectAllowed(send({ plans: ["Hot desk"], propertyIds: ["riverside"] }));
    expectRefused(send({ leaseStatuses: ["active"] }), "filter_unavailable", "lease status");
    expectRefused(send({ plans: [] }), "filter_required", "at least one filter");
    expectAllowed(policy.filterAudience({ actor: admin, filter: "property" }));
    expectAllowed(policy.filterAudience({ actor: admin, filter: "member_status" }));
    expectAllowed(policy.filterAudience({ actor: admin, filter: "plan" }));
    expectRefused(
      policy.filterAudience({ actor: admin, filter: "lease_status" }),
      "filter_unavailable",
      "lease status",
    );
  });

  it("coworking: the recipient count is shown — 'The system will also show you the number of people receiving the message after filtering.'", () => {
    expect(policy.knobs.showRecipientCount).toBe(true);
    expectRefused(
      policy.sendBroadcast({
        actor: admin,
        audience: { type: "filtered", filters: { plans: ["Private office"] } },
        recipientCount: 0,
      }),
      "no_recipients",
      "No one matches",
    );
  });

  it("coworking: specific contacts, several at once — 'Specific contacts - select by name. You can select multiple members.'", () => {
    expectAllowed(
      policy.sendBroadcast({
        actor: admin,
        audience: { type: "specific", userIds: ["a", "b", "c"] },
        recipientCount: 3,
      }),
    );
    expectAllowed(
      policy.startConversation({
        org,
        actor: admin,
        kind: "broadcast",
        recipients: [member, colleague],
      }),
    );
    expectRefused(
      policy.sendBroadcast({ actor: admin, audience: { type: "specific", userIds: [] } }),
      "no_recipients",
      "at least one contact",
    );
  });

  it("coworking: 'Send an email' copies to contacts who have an address — 'the system will also email the contacts as long as they have an email in their member profile.'", () => {
    expectAllowed(policy.copyToEmail({ actor: admin }));
    expectAllowed(policy.deliverEmailCopy({ recipientHasEmail: true }));
    expectRefused(
      policy.deliverEmailCopy({ recipientHasEmail: false }),
      "no_email_on_file",
      "still get the message in the app",
    );
  });

  it("coworking: member-to-member messages are a setting, off until the space allows them — 'You can allow your members to communicate with each other with the Messages functionality.'", () => {
    expectRefused(
      policy.messageMember({ actor: member, recipients: [colleague] }),
      "member_messaging_disabled",
      "turned off for this space",
    );
    expectRefused(policy.compose({ org, actor: member }), "tenant_cannot_initiate", "can't start");
    expect(policy.profile.overridable).toContain("memberMessaging");
    expectAllowed(withMembers.messageMember({ actor: member, recipients: [colleague] }));
    expectAllowed(
      withMembers.startConversation({
        org,
        actor: member,
        kind: "direct",
        recipients: [colleague],
      }),
    );
    expectAllowed(withMembers.compose({ org, actor: member }));
  });

  it("coworking: member messages are for active members only — 'Once activated, it will become available to all your active members'", () => {
    expectRefused(
      withMembers.messageMember({ actor: formerMember, recipients: [colleague] }),
      "member_inactive",
      "active members only",
    );
    expectRefused(
      withMembers.messageMember({ actor: member, recipients: [formerMember] }),
      "member_inactive",
      "isn't active",
    );
    expectRefused(
      withMembers.compose({ org, actor: formerMember }),
      "member_inactive",
      "active members only",
    );
  });

  it("coworking: members read and write their messages — 'Here, they can see all messages sent to them and compose one as well.'", () => {
    const thread = conversation("direct", [member, colleague], { createdByKind: "resident" });
    expectAllowed(withMembers.reply({ org, actor: colleague, conversation: thread }));
    expectRefused(
      policy.reply({ org, actor: colleague, conversation: thread }),
      "member_messaging_disabled",
      "turned off",
    );
    expectRefused(
      withMembers.reply({
        org,
        actor: colleague,
        conversation: conversation("direct", [formerMember, colleague]),
      }),
      "member_inactive",
      "isn't active",
    );
  });

  it("coworking: one recipient per member message — 'Messages here can be sent to one member only.'", () => {
    expectRefused(
      withMembers.messageMember({ actor: member, recipients: [colleague, resident("member-4")] }),
      "one_recipient_only",
      "one member only",
    );
    expectRefused(
      withMembers.messageMember({ actor: member, recipients: [member] }),
      "cannot_message_self",
      "yourself",
    );
  });

  it("coworking: no email doesn't stop portal delivery — 'The Also Send as mail option will only work if the recipient has an email in the system. However, this will not stop them from receiving a message in the members portal.'", () => {
    expectAllowed(withMembers.copyToEmail({ actor: member }));
    expectRefused(
      withMembers.deliverEmailCopy({ recipientHasEmail: false }),
      "no_email_on_file",
      "no email address",
    );
    expectAllowed(withMembers.messageMember({ actor: member, recipients: [colleague] }));
  });

  it("coworking: admin messages are answered by email, not in the portal — 'The member can answer via email but not via the Member Portal.'", () => {
    const emailed = conversation("broadcast", [admin, member], { noReply: true, emailed: true });
    expectRefused(
      policy.reply({ org, actor: member, conversation: emailed }),
      "no_reply",
      "Reply to its email instead",
    );
    const portalOnly = conversation("broadcast", [admin, member], { noReply: true });
    const refusal = policy.reply({ org, actor: member, conversation: portalOnly });
    expectRefused(refusal, "no_reply", "comes from the space");
    expect(refusal.reason).not.toMatch(/email/i);
    expectRefused(
      policy.acceptInboundReply({ via: "email" }),
      "inbound_reply_unsupported",
      "don't reach the conversation",
    );
    expect(policy.knobs.broadcastNoReply).toBe(true);
  });

  it("coworking: the admin portal sends notifications, not chats — 'Messages in the Admin Portal can only be used to send notifications to people; they cannot be used for chat.'", () => {
    expectRefused(
      policy.startConversation({ org, actor: admin, kind: "direct", recipients: [member] }),
      "notifications_only",
      "can't be used for chat",
    );
    expectRefused(
      policy.startConversation({ org, actor: admin, kind: "unit_group", recipients: [member] }),
      "unit_group_disabled",
      "aren't available",
    );
  });

  it("coworking: one-on-one, an admin writes as a member — 'They can send the message via the member portal, which allows them to communicate as members do with each other.'", () => {
    expectRefused(
      withMembers.messageMember({ actor: admin, recipients: [member] }),
      "members_only",
      "between members",
    );
    const adminAsMember = resident("admin-member", { leaseStatus: "none", connection: "none" });
    expectAllowed(withMembers.messageMember({ actor: adminAsMember, recipients: [member] }));
  });

  it("coworking: member conversations stay in the members' portal — 'there is no record of this communication outside the member's profile in the portal.'", () => {
    const thread = conversation("direct", [member, colleague], { createdByKind: "resident" });
    expectRefused(
      withMembers.reply({ org, actor: admin, conversation: thread }),
      "not_participant",
      "not part of this conversation",
    );
  });
});

describe("coworking: choices where seed 003 is silent", () => {
  it("coworking (choice): members don't start chats with the space (they email it or open a ticket)", () => {
    expectRefused(
      policy.startConversation({ org, actor: member, kind: "direct", recipients: [admin] }),
      "tenant_cannot_initiate",
      "can't start a chat",
    );
  });

  it("coworking (choice): no read receipts, attachments, board or maintenance threads", () => {
    expectRefused(policy.seeReadReceipts({ actor: admin }), "read_receipts_hidden", "turned off");
    expectRefused(policy.attachFile({ actor: admin }), "attachments_disabled", "aren't available");
    expectAllowed(
      policyOf("coworking", { attachments: true }).attachFile({
        actor: admin,
        attachment: { sizeBytes: 1_000, mimeType: "application/pdf" },
      }),
    );
    expectRefused(policy.viewBoard({ actor: member }), "board_disabled", "isn't available");
    expectRefused(
      policy.useChannel({ org, actor: admin, channel: "maintenance" }),
      "channel_disabled",
      "Maintenance Requests",
    );
    expectRefused(
      policy.configureMaintenanceThreads({ actor: admin }),
      "maintenance_threads_disabled",
      "aren't available",
    );
  });

  it("coworking (choice): members are gated by member status, not by leases", () => {
    expectAllowed(policy.leaseGate({ party: member, purpose: "start" }));
    expectAllowed(
      policy.receiveBroadcast({ org, recipient: resident("m", { leaseStatus: "expired" }) }),
    );
    expectRefused(
      policy.receiveBroadcast({ org, recipient: admin }),
      "not_broadcast_recipient",
      "not to the team",
    );
  });

  it("coworking (choice): a space may keep broadcasting to the account owner only", () => {
    const ownerOnly = policyOf("coworking", { subUserBroadcast: "none" });
    expectRefused(
      ownerOnly.sendBroadcast({ actor: subUser() }),
      "sub_user_broadcast_disabled",
      "main account user",
    );
    expectAllowed(ownerOnly.sendBroadcast({ actor: admin }));
    expectRefused(
      broadcastOptions(ownerOnly, { actor: subUser() }).audiences.specific,
      "sub_user_broadcast_disabled",
      "main account user",
    );
  });
});
