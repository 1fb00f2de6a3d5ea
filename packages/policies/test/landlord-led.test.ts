/** Conformance of `landlord-led` with seed 004 (004_8e2377c95d351532.txt). */
import { describe, expect, it } from "vitest";
import { broadcastOptions, composerOptions, resolvePolicy } from "../src/index";
import {
  accountOwner,
  conversation,
  expectAllowed,
  expectRefused,
  landlordMode,
  minutesAgo,
  now,
  policyOf,
  resident,
  servicePro,
  subUser,
} from "./fixtures";

const policy = policyOf("landlord-led");
const org = landlordMode;
const landlord = accountOwner();
const tenant = resident("tenant-1");
const roommate = resident("tenant-2");
const future = resident("tenant-future", { leaseStatus: "future" });
const former = resident("tenant-former", { leaseStatus: "expired" });

describe("landlord-led: seed 004 rules", () => {
  it("landlord-led: the landlord initiates and continues chats with current tenants — 'You can easily initiate, continue, and store conversations between you and your current tenants'", () => {
    expectAllowed(
      policy.startConversation({ org, actor: landlord, kind: "direct", recipients: [tenant] }),
    );
    expectAllowed(
      policy.reply({
        org,
        actor: landlord,
        conversation: conversation("direct", [landlord, tenant]),
      }),
    );
    expectAllowed(policy.compose({ org, actor: landlord }));
  });

  it("landlord-led: a new chat goes to individual tenants, one per chat — 'You can select a group of tenants in a specific unit, or you can select individual tenants.'", () => {
    expectAllowed(
      policy.startConversation({ org, actor: landlord, kind: "direct", recipients: [tenant] }),
    );
    expectRefused(
      policy.startConversation({
        org,
        actor: landlord,
        kind: "direct",
        recipients: [tenant, roommate],
      }),
      "one_recipient_only",
      "choose their unit",
    );
  });

  it("landlord-led: a unit's tenants share one group chat — 'All tenants of the selected unit will receive a new chat message and will be able to participate in a shared conversation with each other.'", () => {
    expectAllowed(
      policy.startConversation({
        org,
        actor: landlord,
        kind: "unit_group",
        recipients: [tenant, roommate],
      }),
    );
    const group = conversation("unit_group", [landlord, tenant, roommate]);
    expectAllowed(policy.reply({ org, actor: tenant, conversation: group }));
    expectAllowed(policy.reply({ org, actor: roommate, conversation: group }));
    expectRefused(
      policy.startConversation({
        org,
        actor: landlord,
        kind: "unit_group",
        recipients: [tenant, servicePro()],
      }),
      "unit_group_residents_only",
      "only the unit's tenants",
    );
  });

  it("landlord-led: media files can be shared — 'you can begin a conversation to send messages and even share media files'", () => {
    expectAllowed(
      policy.attachFile({
        actor: landlord,
        attachment: { sizeBytes: 3_000_000, mimeType: "image/jpeg" },
      }),
    );
    expectAllowed(
      policy.attachFile({
        actor: tenant,
        attachment: { sizeBytes: 20_000_000, mimeType: "video/mp4" },
      }),
    );
    expectRefused(
      policy.attachFile({
        actor: landlord,
        attachment: { sizeBytes: 1_000, mimeType: "application/zip" },
      }),
      "attachment_type_not_allowed",
      "application/zip",
    );
  });

  it("landlord-led: the tenant-info and group-details panel is the landlord's — 'You can access Tenant Info for each tenant you're chatting with'", () => {
    expectAllowed(policy.viewParticipantInfo({ actor: landlord }));
    expectRefused(policy.viewParticipantInfo({ actor: tenant }), "managers_only", "Only managers");
  });

  it("landlord-led: tenants are notified by app, email and SMS — 'tenants will be notified via the Innago mobile app, via e-mail, and they will also receive an SMS notification'", () => {
    for (const channel of ["push", "email", "sms", "in_app"] as const) {
      expectAllowed(
        policy.notify({ org, channel, preferences: { sms: false, email: false, push: false } }),
      );
    }
    expectRefused(
      policy.notify({ org, channel: "desktop" }),
      "notification_channel_unavailable",
      "Desktop",
    );
  });

  it("landlord-led: tenants cannot initiate a chat — 'Tenants are not able to initiate a chat from their portal.'", () => {
    const refusal = policy.startConversation({
      org,
      actor: tenant,
      kind: "direct",
      recipients: [landlord],
    });
    expectRefused(refusal, "tenant_cannot_initiate", "can't start a chat from your portal");
    expectRefused(
      policy.compose({ org, actor: tenant }),
      "tenant_cannot_initiate",
      "can't start a chat",
    );
  });

  it("landlord-led: tenants chat only with the landlord, once the landlord starts — 'They will only be able to chat with you if you initiate the conversation.'", () => {
    expectAllowed(
      policy.reply({
        org,
        actor: tenant,
        conversation: conversation("direct", [landlord, tenant]),
      }),
    );
    expectRefused(
      policy.startConversation({ org, actor: tenant, kind: "direct", recipients: [roommate] }),
      "member_messaging_disabled",
      "turned off",
    );
    expectRefused(
      policy.startConversation({ org, actor: tenant, kind: "unit_group", recipients: [roommate] }),
      "managers_only",
      "Only managers",
    );
  });

  it("landlord-led: the restriction cannot be overridden — 'This restriction is intentional, to prevent your Chat inbox from getting overwhelmed with messages.'", () => {
    const result = resolvePolicy("landlord-led", { initiators: ["resident"] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        { path: "initiators", message: expect.stringContaining("can't be overridden") },
      ]);
    }
  });

  it("landlord-led: only active tenants can be chatted with — 'Chats can only be initiated with current, Active tenants. You cannot chat with tenants who are on Expired or Future Leases'", () => {
    expectRefused(
      policy.startConversation({ org, actor: landlord, kind: "direct", recipients: [future] }),
      "lease_not_active",
      "hasn't started yet",
    );
    expectRefused(
      policy.startConversation({ org, actor: landlord, kind: "direct", recipients: [former] }),
      "lease_not_active",
      "has expired",
    );
    expectRefused(
      policy.startConversation({
        org,
        actor: landlord,
        kind: "unit_group",
        recipients: [tenant, former],
      }),
      "lease_not_active",
      "only with tenants whose lease is active",
    );
    expectAllowed(policy.leaseGate({ party: tenant, purpose: "start" }));
    expectRefused(
      policy.leaseGate({ party: future, purpose: "start" }),
      "lease_not_active",
      "hasn't started",
    );
  });

  it("landlord-led: a chat turns read-only when the tenant's lease is no longer active — 'You cannot chat with tenants who are on Expired or Future Leases'", () => {
    const thread = conversation("direct", [landlord, former]);
    expectRefused(
      policy.reply({ org, actor: landlord, conversation: thread }),
      "lease_not_active",
      "read-only",
    );
    expectRefused(
      policy.reply({ org, actor: former, conversation: thread }),
      "lease_not_active",
      "Your lease has expired",
    );
    const group = conversation("unit_group", [
      landlord,
      former,
      resident("tenant-3", { leaseStatus: "expired" }),
    ]);
    expectRefused(
      policy.reply({ org, actor: landlord, conversation: group }),
      "lease_not_active",
      "read-only",
    );
    const mixed = conversation("unit_group", [landlord, former, tenant]);
    expectAllowed(policy.reply({ org, actor: landlord, conversation: mixed }));
  });

  it("landlord-led: chat stays inside the app — 'Chat messages can only be sent and received within Innago. Users will not be able to send or receive chat messages via SMS.'", () => {
    expectRefused(policy.acceptInboundReply({ via: "sms" }), "inbound_reply_unsupported", "SMS");
    expectRefused(
      policy.copyToEmail({ actor: landlord }),
      "copy_to_email_unavailable",
      "stay in the app",
    );
    expectRefused(
      policy.deliverEmailCopy({ recipientHasEmail: true }),
      "copy_to_email_unavailable",
      "stay in the app",
    );
  });

  it("landlord-led: sub-users have no chat — 'The Chat feature is currently only available for the main landlord user. It is not available yet for sub-user accounts.'", () => {
    const sub = subUser({ permissions: ["messaging.chat"] });
    expectRefused(
      policy.startConversation({ org, actor: sub, kind: "direct", recipients: [tenant] }),
      "sub_user_chat_disabled",
      "only for the main account user",
    );
    expectRefused(
      policy.reply({ org, actor: sub, conversation: conversation("direct", [landlord, tenant]) }),
      "sub_user_chat_disabled",
      "sub-user",
    );
    expectRefused(policy.compose({ org, actor: sub }), "sub_user_chat_disabled", "sub-user");
    expectRefused(
      policy.subUserGate({ actor: sub, capability: "chat" }),
      "sub_user_chat_disabled",
      "sub-user",
    );
    expectAllowed(policy.subUserGate({ actor: landlord, capability: "chat" }));
    expect(resolvePolicy("landlord-led", { subUserChat: "all" }).ok).toBe(false);
  });
});

describe("landlord-led: choices where seed 004 is silent", () => {
  it("landlord-led (choice): chat is with tenants only, so no team, service pro or owner channels", () => {
    expectAllowed(policy.useChannel({ org, actor: landlord, channel: "tenants" }));
    expectRefused(
      policy.useChannel({ org, actor: landlord, channel: "team" }),
      "channel_disabled",
      "Team",
    );
    expectRefused(
      policy.startConversation({
        org,
        actor: landlord,
        kind: "direct",
        recipients: [servicePro()],
      }),
      "channel_disabled",
      "Service Pros",
    );
  });

  it("landlord-led (choice): messages are kept as sent, no edit or delete — 'Your conversation thread will be stored and remain accessible'", () => {
    const message = { authorId: landlord.userId, sentAt: minutesAgo(1), deletedAt: null };
    expectRefused(
      policy.editMessage({ actor: landlord, message, now }),
      "editing_disabled",
      "can't be edited",
    );
    expectRefused(
      policy.deleteMessage({ actor: landlord, message, now }),
      "deleting_disabled",
      "kept as a record",
    );
  });

  it("landlord-led (choice): the landlord sees read receipts, tenants don't", () => {
    expectAllowed(policy.seeReadReceipts({ actor: landlord }));
    expectRefused(
      policy.seeReadReceipts({ actor: tenant }),
      "read_receipts_hidden",
      "management only",
    );
  });

  it("landlord-led (choice): messaging templates exist for the landlord — help-centre article 'Creating Messaging Templates'", () => {
    expectAllowed(policy.useTemplates({ actor: landlord }));
    expectRefused(policy.useTemplates({ actor: tenant }), "managers_only", "Only managers");
  });

  it("landlord-led (choice): the composer offers no message types and no priority marking", () => {
    const chat = conversation("direct", [landlord, tenant]);
    const offered = composerOptions(policy, { actor: landlord, conversation: chat });
    expect(offered.messageTypes).toEqual(["general"]);
    expectRefused(offered.markPriority, "priority_unavailable", "isn't available");
  });

  it("landlord-led (choice): no broadcasts, board, maintenance threads, scheduling or signatures", () => {
    expectRefused(
      policy.sendBroadcast({ actor: landlord }),
      "broadcast_unavailable",
      "aren't available",
    );
    expectRefused(policy.viewBoard({ actor: tenant }), "board_disabled", "isn't available");
    expectRefused(
      policy.maintenanceThread({
        recipient: tenant,
        request: { submittedBy: tenant, sharedWith: [] },
      }),
      "maintenance_threads_disabled",
      "aren't available",
    );
    expectRefused(
      policy.configureMaintenanceThreads({ actor: landlord }),
      "maintenance_threads_disabled",
      "aren't available",
    );
    const offered = broadcastOptions(policy, { actor: landlord });
    expectRefused(offered.audiences.specific, "broadcast_unavailable", "aren't available");
    expectRefused(offered.filters.lease_status, "broadcast_unavailable", "aren't available");
    expectRefused(
      policy.scheduleSend({ actor: landlord, now }),
      "scheduled_send_unavailable",
      "isn't available",
    );
    expectRefused(
      policy.useSignature({ actor: landlord }),
      "signatures_unavailable",
      "aren't available",
    );
  });
});
