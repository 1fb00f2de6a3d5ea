/** Conformance of `standard` with seed 000 (000_961bdf50a86a105e.txt). */
import { describe, expect, it } from "vitest";
import { broadcastOptions, composerOptions, messageTypes } from "../src/index";
import {
  accountOwner,
  conversation,
  expectAllowed,
  expectRefused,
  minutesAgo,
  now,
  owner,
  pmMode,
  policyOf,
  resident,
  servicePro,
  subUser,
} from "./fixtures";

const policy = policyOf("standard");
const org = pmMode;
const manager = accountOwner();
const tenant = resident("res-1");

describe("standard: seed 000 rules", () => {
  it("standard: managers message one resident at a time — 'Send individual messages to residents for private matters, maintenance updates, payment reminders, or general inquiries.'", () => {
    expectAllowed(
      policy.startConversation({ org, actor: manager, kind: "direct", recipients: [tenant] }),
    );
    expectRefused(
      policy.startConversation({
        org,
        actor: manager,
        kind: "direct",
        recipients: [tenant, resident("res-2")],
      }),
      "one_recipient_only",
      "exactly one recipient",
    );
  });

  it("standard: attachments are documents, images or files — 'Attach relevant documents, images, or files to support your message (optional).'", () => {
    for (const mimeType of [
      "application/pdf",
      "image/png",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]) {
      expectAllowed(
        policy.attachFile({ actor: manager, attachment: { sizeBytes: 2_000_000, mimeType } }),
      );
    }
    expectRefused(
      policy.attachFile({
        actor: manager,
        attachment: { sizeBytes: 30 * 1024 * 1024, mimeType: "application/pdf" },
      }),
      "attachment_too_large",
      "up to 25 MB",
    );
    expectRefused(
      policy.attachFile({
        actor: manager,
        attachment: { sizeBytes: 1_000, mimeType: "application/x-msdownload" },
      }),
      "attachment_type_not_allowed",
      "can't be attached",
    );
  });

  it("standard: scheduled send — 'Send your message immediately or schedule it for later delivery at a specific date and time.'", () => {
    expectAllowed(
      policy.scheduleSend({ actor: manager, sendAt: new Date(now.getTime() + 3_600_000), now }),
    );
    expectRefused(
      policy.scheduleSend({ actor: manager, sendAt: minutesAgo(5), now }),
      "schedule_in_past",
      "in the future",
    );
    expectRefused(
      policy.scheduleSend({ actor: tenant, now }),
      "managers_only",
      "Only managers can schedule",
    );
  });

  it("standard: message types — 'Different types of messages you can send to residents' (general, maintenance, payment reminders, lease, events, document requests)", () => {
    for (const type of messageTypes)
      expectAllowed(policy.chooseMessageType({ actor: manager, type }));
    expectAllowed(policy.chooseMessageType({ actor: tenant, type: "general" }));
    expectRefused(
      policy.chooseMessageType({ actor: tenant, type: "payment_reminder" }),
      "message_type_unavailable",
      "Only managers",
    );
    const withTenant = conversation("direct", [manager, tenant]);
    expect(
      composerOptions(policy, { actor: manager, conversation: withTenant }).messageTypes,
    ).toEqual(messageTypes);
    expect(
      composerOptions(policy, { actor: tenant, conversation: withTenant }).messageTypes,
    ).toEqual(["general"]);
  });

  it("standard: types are for messages to residents, not the team — 'Different types of messages you can send to residents'", () => {
    const team = conversation("team", [manager, subUser()]);
    expectRefused(
      policy.chooseMessageType({ actor: manager, type: "lease", conversation: team }),
      "message_type_unavailable",
      "team chats use general messages",
    );
    expectAllowed(
      policy.chooseMessageType({ actor: manager, type: "general", conversation: team }),
    );
    expect(composerOptions(policy, { actor: manager, conversation: team }).messageTypes).toEqual([
      "general",
    ]);
  });

  it("standard: read receipts for managers — 'See when residents have read your messages to ensure important information is received.'", () => {
    expectAllowed(policy.seeReadReceipts({ actor: manager }));
    expectRefused(
      policy.seeReadReceipts({ actor: tenant }),
      "read_receipts_hidden",
      "management only",
    );
  });

  it("standard: priority marking — 'Mark urgent messages as high priority to ensure timely attention and response.'", () => {
    expectAllowed(policy.markPriority({ actor: manager }));
    expectRefused(policy.markPriority({ actor: tenant }), "managers_only", "high priority");
    expectAllowed(composerOptions(policy, { actor: manager }).markPriority);
    expectRefused(
      composerOptions(policy, { actor: tenant }).markPriority,
      "managers_only",
      "high priority",
    );
  });

  it("standard: notification channels are the person's choice — 'Choose how you want to be notified about new messages (email, SMS, push notifications).'", () => {
    for (const channel of ["email", "sms", "push"] as const)
      expectAllowed(policy.notify({ org, channel }));
    expectRefused(
      policy.notify({ org, channel: "sms", preferences: { sms: false } }),
      "notification_opted_out",
      "SMS",
    );
    expectAllowed(policy.notify({ org, channel: "email", preferences: { sms: false } }));
    expectRefused(
      policy.notify({ org, channel: "desktop" }),
      "notification_channel_unavailable",
      "Desktop",
    );
  });

  it("standard: after-hours auto-responses — 'Set up automatic responses for messages received outside business hours.'", () => {
    expectAllowed(policy.configureAutoResponse({ actor: manager }));
    expectRefused(
      policy.configureAutoResponse({ actor: tenant }),
      "managers_only",
      "auto-responses",
    );
    expectAllowed(
      policy.autoRespond({ sender: tenant, outsideBusinessHours: true, setting: "after_hours" }),
    );
    expectRefused(
      policy.autoRespond({ sender: tenant, outsideBusinessHours: false, setting: "after_hours" }),
      "within_business_hours",
      "outside business hours",
    );
    expectRefused(
      policy.autoRespond({ sender: tenant, outsideBusinessHours: true, setting: "off" }),
      "auto_response_off",
      "off",
    );
    expectRefused(
      policy.autoRespond({ sender: subUser(), outsideBusinessHours: true, setting: "always" }),
      "auto_response_not_for_team",
      "not the team",
    );
  });

  it("standard: vacation auto-responses answer at any hour — 'Set up auto-responses for after-hours or vacation periods'", () => {
    expectAllowed(
      policy.autoRespond({ sender: tenant, outsideBusinessHours: false, setting: "always" }),
    );
  });

  it("standard: templates — 'Create and save message templates for frequently sent communications.'", () => {
    expectAllowed(policy.useTemplates({ actor: manager }));
    expectRefused(policy.useTemplates({ actor: tenant }), "managers_only", "templates");
  });

  it("standard: signatures — 'Add a professional signature to all your outgoing messages automatically.'", () => {
    expectAllowed(policy.useSignature({ actor: manager }));
    expectRefused(policy.useSignature({ actor: tenant }), "managers_only", "signature");
  });

  it("standard: residents may start conversations with their manager by default — 'Answer questions, provide information, or respond to general resident requests.'", () => {
    expectAllowed(
      policy.startConversation({ org, actor: tenant, kind: "direct", recipients: [manager] }),
    );
    expectAllowed(policy.compose({ org, actor: tenant }));
  });

  it("standard: who may initiate is an organization setting — 'Control who can initiate conversations and manage read receipt visibility.'", () => {
    const managersOnly = policyOf("standard", { initiators: [] });
    expectRefused(
      managersOnly.startConversation({ org, actor: tenant, kind: "direct", recipients: [manager] }),
      "tenant_cannot_initiate",
      "can't start a chat",
    );
    expectAllowed(
      managersOnly.startConversation({ org, actor: manager, kind: "direct", recipients: [tenant] }),
    );
  });

  it("standard: read-receipt visibility is an organization setting — 'Control who can initiate conversations and manage read receipt visibility.'", () => {
    expectAllowed(
      policyOf("standard", { readReceipts: "everyone" }).seeReadReceipts({ actor: tenant }),
    );
    expectRefused(
      policyOf("standard", { readReceipts: "nobody" }).seeReadReceipts({ actor: manager }),
      "read_receipts_hidden",
      "turned off",
    );
  });
});

describe("standard: choices where seed 000 is silent", () => {
  it("standard (choice): new conversations with residents on active or future leases, not expired ones", () => {
    expectAllowed(
      policy.startConversation({
        org,
        actor: manager,
        kind: "direct",
        recipients: [resident("r", { leaseStatus: "future" })],
      }),
    );
    expectRefused(
      policy.startConversation({
        org,
        actor: manager,
        kind: "direct",
        recipients: [resident("r", { leaseStatus: "expired" })],
      }),
      "lease_not_active",
      "lease is active or future",
    );
    expectRefused(
      policy.startConversation({
        org,
        actor: resident("r", { leaseStatus: "expired" }),
        kind: "direct",
        recipients: [manager],
      }),
      "lease_not_active",
      "Your lease has expired",
    );
  });

  it("standard (choice): existing threads stay open after move-out (deposit questions)", () => {
    const former = resident("former", { leaseStatus: "expired" });
    const thread = conversation("direct", [manager, former]);
    expectAllowed(policy.reply({ org, actor: manager, conversation: thread }));
    expectAllowed(policy.reply({ org, actor: former, conversation: thread }));
    const noLease = resident("nobody", { leaseStatus: "none" });
    expectRefused(
      policy.reply({
        org,
        actor: noLease,
        conversation: conversation("direct", [manager, noLease]),
      }),
      "lease_not_active",
      "read-only",
    );
  });

  it("standard (choice): no connection step; invited residents can be messaged", () => {
    expectAllowed(
      policy.startConversation({
        org,
        actor: manager,
        kind: "direct",
        recipients: [resident("inv", { connection: "invited" })],
      }),
    );
    expectAllowed(policy.connectionGate({ party: resident("inv", { connection: "none" }) }));
  });

  it("standard (choice): a team channel for managers; service pros and owners are not contacts", () => {
    expectAllowed(
      policy.startConversation({ org, actor: manager, kind: "team", recipients: [subUser()] }),
    );
    expectAllowed(
      policy.startConversation({ org, actor: manager, kind: "direct", recipients: [subUser()] }),
    );
    expectRefused(
      policy.startConversation({ org, actor: manager, kind: "team", recipients: [tenant] }),
      "team_managers_only",
      "sub-users",
    );
    expectRefused(
      policy.startConversation({ org, actor: manager, kind: "direct", recipients: [servicePro()] }),
      "channel_disabled",
      "Service Pros",
    );
    expectRefused(
      policy.useChannel({ org, actor: manager, channel: "owners" }),
      "channel_disabled",
      "Owners",
    );
    expectRefused(
      policy.useChannel({ org, actor: tenant, channel: "team" }),
      "channel_managers_only",
      "management's inbox",
    );
    expectRefused(
      policy.startConversation({ org, actor: owner(), kind: "direct", recipients: [manager] }),
      "cannot_initiate",
      "can't start",
    );
  });

  it("standard (choice): sub-users chat from the shared inbox; broadcasting needs a permission", () => {
    const sub = subUser();
    expectAllowed(
      policy.startConversation({ org, actor: sub, kind: "direct", recipients: [tenant] }),
    );
    expectAllowed(
      policy.reply({ org, actor: sub, conversation: conversation("direct", [manager, tenant]) }),
    );
    const withBroadcasts = policyOf("standard", { broadcasts: true });
    expectRefused(
      withBroadcasts.sendBroadcast({ actor: sub }),
      "missing_permission",
      "messaging.broadcast",
    );
    expectAllowed(
      withBroadcasts.sendBroadcast({ actor: subUser({ permissions: ["messaging.broadcast"] }) }),
    );
    expectAllowed(withBroadcasts.sendBroadcast({ actor: manager }));
  });

  it("standard (choice): broadcasts are off by default; turned on, they are no-reply announcements", () => {
    expectRefused(
      policy.sendBroadcast({ actor: manager }),
      "broadcast_unavailable",
      "aren't available",
    );
    const withBroadcasts = policyOf("standard", { broadcasts: true });
    expectAllowed(
      withBroadcasts.sendBroadcast({
        actor: manager,
        audience: { type: "filtered", filters: { propertyIds: ["p1"] } },
        recipientCount: 12,
      }),
    );
    expectRefused(
      withBroadcasts.sendBroadcast({
        actor: manager,
        audience: { type: "filtered", filters: { plans: ["Hot desk"] } },
        recipientCount: 3,
      }),
      "filter_unavailable",
      "plan",
    );
    expectRefused(
      broadcastOptions(policy, { actor: manager }).audiences.all,
      "broadcast_unavailable",
      "aren't available",
    );
    const offered = broadcastOptions(withBroadcasts, { actor: manager });
    expectAllowed(offered.audiences.all);
    expectAllowed(offered.audiences.filtered);
    expectAllowed(offered.audiences.specific);
    expectAllowed(offered.filters.property);
    expectAllowed(offered.filters.lease_status);
    expectRefused(offered.filters.plan, "filter_unavailable", "plan");
    expectRefused(offered.filters.member_status, "filter_unavailable", "member status");
    expect(offered.noReply).toBe(true);
    expect(withBroadcasts.knobs.broadcastNoReply).toBe(true);
    const announcement = conversation("broadcast", [manager, tenant], { noReply: true });
    expectRefused(
      withBroadcasts.reply({ org, actor: tenant, conversation: announcement }),
      "no_reply",
      "can't be replied to",
    );
  });

  it("standard (choice): own messages can be edited or deleted for 15 minutes", () => {
    const fresh = { authorId: manager.userId, sentAt: minutesAgo(10), deletedAt: null };
    const old = { authorId: manager.userId, sentAt: minutesAgo(16), deletedAt: null };
    expectAllowed(policy.editMessage({ actor: manager, message: fresh, now }));
    expectAllowed(policy.deleteMessage({ actor: manager, message: fresh, now }));
    expectRefused(
      policy.editMessage({ actor: manager, message: old, now }),
      "edit_window_passed",
      "15 minutes",
    );
    expectRefused(
      policy.deleteMessage({ actor: manager, message: old, now }),
      "delete_window_passed",
      "15 minutes",
    );
    expectRefused(
      policy.editMessage({ actor: tenant, message: fresh, now }),
      "not_message_author",
      "your own messages",
    );
  });

  it("standard (choice): no board, no copy to email, no group chats, no mentions, no maintenance threads", () => {
    expectRefused(policy.viewBoard({ actor: tenant }), "board_disabled", "isn't available");
    expectRefused(
      policy.configureMaintenanceThreads({ actor: manager }),
      "maintenance_threads_disabled",
      "aren't available",
    );
    expectRefused(
      policy.copyToEmail({ actor: manager }),
      "copy_to_email_unavailable",
      "isn't available",
    );
    expectRefused(
      policy.startConversation({ org, actor: manager, kind: "unit_group", recipients: [tenant] }),
      "unit_group_disabled",
      "aren't available",
    );
    expectRefused(
      policy.mention({
        actor: manager,
        conversation: conversation("direct", [manager, tenant]),
        mentioned: tenant,
      }),
      "mentions_unavailable",
      "aren't available",
    );
  });
});
