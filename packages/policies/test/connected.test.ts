/** Conformance of `connected` with seeds 001 (001_57fd5ed943710372.txt) and 002 (002_a6a65141a3d7a1b4.txt). */
import { describe, expect, it } from "vitest";
import { boardCategories, broadcastOptions, composerOptions } from "../src/index";
import {
  accountOwner,
  conversation,
  expectAllowed,
  expectRefused,
  landlordMode,
  minutesAgo,
  now,
  owner,
  pmMode,
  policyOf,
  resident,
  servicePro,
  subUser,
} from "./fixtures";

const policy = policyOf("connected");
const org = pmMode;
const manager = accountOwner();
const tenant = resident("tenant-1");
const invitedTenant = resident("tenant-invited", { connection: "invited" });
const pro = servicePro();
const post = { authorId: manager.userId, commentsEnabled: true };

describe("connected: seed 001 rules (manager's side)", () => {
  it("connected: messages and files go to connected contacts — 'Messenger is a communication tool that allows users to send messages & files to connected contacts'", () => {
    expectAllowed(
      policy.startConversation({ org, actor: manager, kind: "direct", recipients: [tenant] }),
    );
    expectAllowed(
      policy.attachFile({
        actor: manager,
        attachment: { sizeBytes: 5_000_000, mimeType: "application/pdf" },
      }),
    );
    expectRefused(
      policy.attachFile({
        actor: manager,
        attachment: { sizeBytes: 21 * 1024 * 1024, mimeType: "application/pdf" },
      }),
      "attachment_too_large",
      "20 MB",
    );
  });

  it("connected: only connected users send and receive — 'you can only send and receive messages from other connected users'", () => {
    expectRefused(
      policy.startConversation({
        org,
        actor: manager,
        kind: "direct",
        recipients: [invitedTenant],
      }),
      "not_connected",
      "invited but hasn't connected yet",
    );
    expectRefused(
      policy.startConversation({
        org,
        actor: invitedTenant,
        kind: "direct",
        recipients: [manager],
      }),
      "not_connected",
      "connected users",
    );
    const lapsed = resident("tenant-lapsed", { connection: "none" });
    const thread = conversation("direct", [manager, lapsed]);
    expectRefused(
      policy.reply({ org, actor: manager, conversation: thread }),
      "not_connected",
      "isn't connected",
    );
    expectRefused(
      policy.reply({ org, actor: lapsed, conversation: thread }),
      "not_connected",
      "connected users",
    );
  });

  it("connected: contacts get an in-app icon and an email — 'Your contacts will be notified when new internal messages arrive by an icon in the top menu as well as via email notification.'", () => {
    expectAllowed(policy.notify({ org, channel: "in_app" }));
    expectAllowed(policy.notify({ org, channel: "email" }));
    expectRefused(
      policy.notify({ org, channel: "sms" }),
      "notification_channel_unavailable",
      "SMS",
    );
  });

  it("connected: replies happen only after logging in — 'In order to message you back, your contacts will need to log in to their account.'", () => {
    expectRefused(
      policy.acceptInboundReply({ via: "email" }),
      "inbound_reply_unsupported",
      "reply in the app",
    );
  });

  it("connected: the contact list has five channels — 'Team, Tenants, Service Pros, Owners, Maintenance Requests'", () => {
    for (const channel of ["team", "tenants", "service_pros", "owners", "maintenance"] as const) {
      expectAllowed(policy.useChannel({ org, actor: manager, channel }));
    }
  });

  it("connected: team chat with sub-admins, common or personal — 'You can communicate with all of them in the common chat or with each of them in your personal chat.'", () => {
    const subs = [subUser(), subUser({ userId: "sub-2" })];
    expectAllowed(
      policy.startConversation({ org, actor: manager, kind: "team", recipients: subs }),
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
      policy.useChannel({ org, actor: tenant, channel: "team" }),
      "channel_managers_only",
      "management's inbox",
    );
  });

  it("connected: sub-admins must be connected first — 'Make sure, you've connected sub-admins and then you may chat with them.'", () => {
    const pendingSub = subUser({ userId: "sub-pending", connection: "invited" });
    expectRefused(
      policy.startConversation({
        org,
        actor: manager,
        kind: "team",
        recipients: [subUser(), pendingSub],
      }),
      "not_connected",
      "hasn't connected yet",
    );
    expectRefused(
      policy.useChannel({ org, actor: pendingSub, channel: "team" }),
      "not_connected",
      "connect first",
    );
    expectRefused(
      policy.reply({
        org,
        actor: pendingSub,
        conversation: conversation("team", [manager, pendingSub]),
      }),
      "not_connected",
      "connect first",
    );
  });

  it("connected: dialogues with tenants, service pros and owners — 'The Tenants/Service Pros/Owners channels display dialogues with tenants, service pros, and owners, correspondingly.'", () => {
    for (const contact of [tenant, pro, owner()]) {
      expectAllowed(
        policy.startConversation({ org, actor: manager, kind: "direct", recipients: [contact] }),
      );
      expectAllowed(
        policy.startConversation({ org, actor: contact, kind: "direct", recipients: [manager] }),
      );
    }
  });

  it("connected: owners exist only in property-manager mode — 'The Owners channel is displayed only in Property Manager Mode.'", () => {
    expectRefused(
      policy.useChannel({ org: landlordMode, actor: manager, channel: "owners" }),
      "owners_channel_pm_mode_only",
      "only in Property Manager mode",
    );
    expectRefused(
      policy.startConversation({
        org: landlordMode,
        actor: manager,
        kind: "direct",
        recipients: [owner()],
      }),
      "owners_channel_pm_mode_only",
      "Property Manager mode",
    );
    expectRefused(
      policy.startConversation({
        org: landlordMode,
        actor: owner(),
        kind: "direct",
        recipients: [manager],
      }),
      "owners_channel_pm_mode_only",
      "Property Manager mode",
    );
    expectAllowed(policy.useChannel({ org: landlordMode, actor: manager, channel: "tenants" }));
  });

  it("connected: a thread is created for connected people the request is shared with — 'If you are connected and the Maintenance request is shared with them, the system automatically creates a separate \"Maintenance Requests\" thread on their end.'", () => {
    const request = {
      submittedBy: manager,
      sharedWith: [tenant.userId, pro.userId, "pro-invited"],
    };
    expectAllowed(policy.maintenanceThread({ recipient: tenant, request }));
    expectAllowed(policy.maintenanceThread({ recipient: pro, request }));
    expectRefused(
      policy.maintenanceThread({
        recipient: servicePro({ userId: "pro-invited", connection: "invited" }),
        request,
      }),
      "not_connected",
      "connected users",
    );
    expectRefused(
      policy.maintenanceThread({ recipient: resident("tenant-9"), request }),
      "maintenance_not_shared",
      "isn't shared",
    );
    expectRefused(
      policy.maintenanceThread({
        recipient: owner(),
        request: { ...request, sharedWith: [owner().userId] },
      }),
      "maintenance_tenants_and_pros_only",
      "tenants and service pros",
    );
  });

  it("connected: maintenance threads are created by the system, not by hand — 'the system automatically creates a separate \"Maintenance Requests\" thread'", () => {
    expectRefused(
      policy.startConversation({ org, actor: manager, kind: "maintenance", recipients: [tenant] }),
      "maintenance_thread_automatic",
      "created automatically",
    );
  });

  it("connected: a tenant's request opens a thread on the manager's side — 'If your Tenant submits the Maintenance request, the system also automatically creates a separate \"Maintenance Requests\" thread on your end.'", () => {
    expectAllowed(
      policy.maintenanceThread({
        recipient: manager,
        request: { submittedBy: tenant, sharedWith: [] },
      }),
    );
  });

  it("connected: managers may opt out of tenant-request threads — 'If you do not wish to communicate within the request created by your Tenants, simply disable this option in your \"Maintenance Settings\".'", () => {
    const off = { tenantRequestThreads: false };
    expectRefused(
      policy.maintenanceThread({
        recipient: manager,
        request: { submittedBy: tenant, sharedWith: [] },
        settings: off,
      }),
      "maintenance_threads_opted_out",
      "Maintenance Settings",
    );
    expectAllowed(
      policy.maintenanceThread({
        recipient: manager,
        request: { submittedBy: manager, sharedWith: [tenant.userId] },
        settings: off,
      }),
    );
    expectAllowed(
      policy.maintenanceThread({
        recipient: manager,
        request: { submittedBy: tenant, sharedWith: [] },
        settings: { tenantRequestThreads: true },
      }),
    );
    expectAllowed(policy.configureMaintenanceThreads({ actor: manager }));
    expectAllowed(policy.configureMaintenanceThreads({ actor: subUser() }));
    expectRefused(
      policy.configureMaintenanceThreads({ actor: tenant }),
      "managers_only",
      "Maintenance Settings",
    );
  });

  it("connected: @mentions in a chat — 'You can also mention a person in a particular chat using @ sign.'", () => {
    const team = conversation("team", [manager, subUser()]);
    expectAllowed(policy.mention({ actor: manager, conversation: team, mentioned: subUser() }));
    expectRefused(
      policy.mention({ actor: manager, conversation: team, mentioned: tenant }),
      "mention_not_participant",
      "people in this conversation",
    );
  });

  it("connected: the connection gate — 'You can communicate via Messenger only with connected users.'", () => {
    expectAllowed(policy.connectionGate({ party: tenant }));
    expectAllowed(policy.connectionGate({ party: manager }));
    expectRefused(
      policy.connectionGate({ party: invitedTenant }),
      "not_connected",
      "only with connected users",
    );
  });
});

describe("connected: seed 002 rules (tenant's side)", () => {
  it("connected: tenants start messages to their connected contacts — 'Search for a name within your connected contacts.'", () => {
    expectAllowed(policy.compose({ org, actor: tenant }));
    expectAllowed(
      policy.startConversation({ org, actor: tenant, kind: "direct", recipients: [manager] }),
    );
    expectRefused(
      policy.compose({ org, actor: invitedTenant }),
      "not_connected",
      "connected users",
    );
  });

  it("connected: no messages to or from email — 'You cannot send or receive messages from other message systems or from e-mail.'", () => {
    expectRefused(
      policy.acceptInboundReply({ via: "email" }),
      "inbound_reply_unsupported",
      "by email",
    );
  });

  it("connected: managers message tenants and service pros from their contacts — 'The Messenger can be used to send messages to tenants and service pros from your Contacts list.'", () => {
    expectAllowed(
      policy.startConversation({ org, actor: manager, kind: "direct", recipients: [pro] }),
    );
    expectAllowed(
      policy.reply({ org, actor: pro, conversation: conversation("direct", [manager, pro]) }),
    );
  });

  it("connected: the red bubble always shows; desktop notifications are optional — 'Whether or not you choose to receive Desktop Notifications, you will still receive notifications via the red 'bubble' notifications on your dashboard.'", () => {
    const allOff = { email: false, desktop: false };
    expectAllowed(policy.notify({ org, channel: "in_app", preferences: allOff }));
    expectRefused(
      policy.notify({ org, channel: "desktop", preferences: allOff }),
      "notification_opted_out",
      "Desktop",
    );
    expectAllowed(
      policy.notify({
        org,
        channel: "desktop",
        preferences: { desktop: true },
        browser: "firefox",
      }),
    );
  });

  it("connected: desktop notifications in three browsers — 'Desktop Notifications are currently available only for the following browsers: Chrome, Firefox, Safari.'", () => {
    for (const browser of ["chrome", "Firefox", "safari"])
      expectAllowed(policy.notify({ org, channel: "desktop", browser }));
    expectRefused(
      policy.notify({ org, channel: "desktop", browser: "edge" }),
      "desktop_unsupported_browser",
      "Chrome, Firefox and Safari",
    );
  });

  it("connected: tenants attach files too — 'Enter a message. You can use attachments.'", () => {
    expectAllowed(
      policy.attachFile({
        actor: tenant,
        attachment: { sizeBytes: 1_000_000, mimeType: "image/heic" },
      }),
    );
  });

  it("connected: a copy can go to the recipient's email — 'You can send a copy of this message to your recipient email.'", () => {
    expectAllowed(policy.copyToEmail({ actor: tenant }));
    expectAllowed(policy.copyToEmail({ actor: manager }));
    expectAllowed(policy.deliverEmailCopy({ recipientHasEmail: true }));
    expectRefused(
      policy.deliverEmailCopy({ recipientHasEmail: false }),
      "no_email_on_file",
      "no email address",
    );
  });

  it("connected: the landlord publishes and shares files on the board — 'Your landlord/property manager can communicate and share files with you in the Property Message Board.'", () => {
    expectAllowed(policy.postToBoard({ actor: manager }));
    expectAllowed(
      policy.attachFile({
        actor: manager,
        attachment: { sizeBytes: 100_000, mimeType: "application/pdf" },
      }),
    );
  });

  it("connected: board post kinds — 'Job postings, items for sale (or wanted for purchase), lost or found items, notices and announcements can be posted here.'", () => {
    for (const category of boardCategories)
      expectAllowed(policy.postToBoard({ actor: manager, category }));
  });

  it("connected: board access needs an account, a connection and an active shared lease — 'In order to access the message board, you should have an account, should be connected with the landlord/ property manager and have an active, shared lease.'", () => {
    expectAllowed(policy.viewBoard({ actor: tenant }));
    expectAllowed(policy.viewBoard({ actor: manager }));
    expectRefused(
      policy.viewBoard({ actor: invitedTenant }),
      "not_connected",
      "need an account connected",
    );
    expectRefused(
      policy.viewBoard({ actor: resident("r", { leaseStatus: "expired" }) }),
      "lease_not_active",
      "active lease shared with you",
    );
    expectRefused(
      policy.viewBoard({ actor: resident("r", { leaseStatus: "future" }) }),
      "lease_not_active",
      "active lease",
    );
    expectRefused(
      policy.viewBoard({ actor: resident("r", { leaseStatus: "none" }) }),
      "lease_not_active",
      "active lease",
    );
    expectRefused(policy.viewBoard({ actor: pro }), "board_residents_only", "for tenants");
  });

  it("connected: the board is a channel in Messenger — 'you will need to go to Messenger and switch to Property Board (PB) channel'", () => {
    expectAllowed(policy.useChannel({ org, actor: tenant, channel: "board" }));
    expectRefused(
      policy.useChannel({ org, actor: invitedTenant, channel: "board" }),
      "not_connected",
      "message board",
    );
  });

  it("connected: posts come from the landlord — 'A list of all publications which were posted by your landlord/property manager will be displayed'", () => {
    expectRefused(
      policy.postToBoard({ actor: tenant }),
      "board_post_managers_only",
      "Only your landlord or property manager",
    );
  });

  it("connected: tenants comment on posts — 'In order to write a comment on the needed post click on the \"Write a response\" field'", () => {
    expectAllowed(policy.commentOnPost({ actor: tenant, post }));
    expectRefused(
      policy.commentOnPost({ actor: invitedTenant, post }),
      "not_connected",
      "message board",
    );
  });

  it("connected: the landlord can disable comments on a post — 'If landlord has disabled comments you will see the \"Commenting this post is not available\" notice.'", () => {
    expectAllowed(policy.toggleComments({ actor: manager }));
    expectRefused(
      policy.toggleComments({ actor: tenant }),
      "comment_settings_managers_only",
      "turn comments on or off",
    );
    const closed = { ...post, commentsEnabled: false };
    const refusal = policy.commentOnPost({ actor: tenant, post: closed });
    expectRefused(refusal, "comments_disabled", "Commenting this post is not available");
    expect(refusal.reason).toBe("Commenting this post is not available");
  });

  it("connected: tenants remove their own comments — 'In order to remove your comment please select \"Delete\" option from the three-dots menu'", () => {
    const own = { authorId: tenant.userId, seenByManagerAt: null, deletedAt: null };
    expectAllowed(policy.deleteComment({ actor: tenant, comment: own }));
    expectRefused(
      policy.deleteComment({ actor: resident("tenant-2"), comment: own }),
      "not_comment_author",
      "only your own comments",
    );
    expectRefused(
      policy.deleteComment({ actor: tenant, comment: { ...own, deletedAt: now } }),
      "comment_deleted",
      "already removed",
    );
  });

  it("connected: only comments the landlord has not seen can be removed — 'You can remove your comments only if the comment was not seen by your landlord.'", () => {
    const seen = { authorId: tenant.userId, seenByManagerAt: minutesAgo(3), deletedAt: null };
    expectRefused(
      policy.deleteComment({ actor: tenant, comment: seen }),
      "comment_already_seen",
      "hasn't seen it yet",
    );
    expectAllowed(policy.deleteComment({ actor: manager, comment: seen }));
  });

  it("connected: submitting or being shared a request opens its thread for the tenant — 'When you submit a maintenance request for your landlord or the landlord shares the request with you, the system automatically creates the new \"Maintenance Requests\" tab for you.'", () => {
    expectAllowed(
      policy.maintenanceThread({
        recipient: tenant,
        request: { submittedBy: tenant, sharedWith: [] },
      }),
    );
    expectAllowed(
      policy.maintenanceThread({
        recipient: tenant,
        request: { submittedBy: manager, sharedWith: [tenant.userId] },
      }),
    );
    expectAllowed(policy.useChannel({ org, actor: tenant, channel: "maintenance" }));
    expectRefused(
      policy.useChannel({ org, actor: owner(), channel: "maintenance" }),
      "maintenance_tenants_and_pros_only",
      "tenants and service pros",
    );
  });

  it("connected: one thread per request — 'If there are few maintenance requests, the system will create a separate channel for each request.'", () => {
    const shared = { submittedBy: manager, sharedWith: [tenant.userId] };
    const notShared = { submittedBy: manager, sharedWith: [pro.userId] };
    expectAllowed(policy.maintenanceThread({ recipient: tenant, request: shared }));
    expectRefused(
      policy.maintenanceThread({ recipient: tenant, request: notShared }),
      "maintenance_not_shared",
      "isn't shared",
    );
  });
});

describe("connected: choices where seeds 001-002 are silent", () => {
  it("connected (choice): the connection is the gate, not the lease", () => {
    const former = resident("former", { leaseStatus: "expired" });
    expectAllowed(
      policy.startConversation({ org, actor: manager, kind: "direct", recipients: [former] }),
    );
    expectAllowed(
      policy.reply({ org, actor: former, conversation: conversation("direct", [manager, former]) }),
    );
  });

  it("connected (choice): tenants don't message each other", () => {
    expectRefused(
      policy.startConversation({
        org,
        actor: tenant,
        kind: "direct",
        recipients: [resident("tenant-2")],
      }),
      "member_messaging_disabled",
      "turned off",
    );
    expectRefused(
      policy.startConversation({ org, actor: pro, kind: "direct", recipients: [tenant] }),
      "recipient_not_allowed",
      "landlord or property manager",
    );
  });

  it("connected (choice): sub-admins chat; posting on the board needs the board permission", () => {
    expectAllowed(
      policy.startConversation({ org, actor: subUser(), kind: "direct", recipients: [tenant] }),
    );
    expectRefused(policy.postToBoard({ actor: subUser() }), "missing_permission", "board.manage");
    expectAllowed(policy.postToBoard({ actor: subUser({ permissions: ["board.manage"] }) }));
  });

  it("connected (choice): no broadcasts, scheduling, templates, signatures or priority", () => {
    expectRefused(
      policy.sendBroadcast({ actor: manager }),
      "broadcast_unavailable",
      "aren't available",
    );
    expectRefused(
      policy.scheduleSend({ actor: manager, now }),
      "scheduled_send_unavailable",
      "isn't available",
    );
    expectRefused(
      policy.useTemplates({ actor: manager }),
      "templates_unavailable",
      "aren't available",
    );
    expectRefused(
      policy.useSignature({ actor: manager }),
      "signatures_unavailable",
      "aren't available",
    );
    expectRefused(
      policy.markPriority({ actor: manager }),
      "priority_unavailable",
      "isn't available",
    );
    expectRefused(
      policy.chooseMessageType({ actor: manager, type: "lease" }),
      "message_type_unavailable",
      "isn't available",
    );
    const offered = broadcastOptions(policy, { actor: manager });
    expectRefused(offered.audiences.all, "broadcast_unavailable", "aren't available");
    expectRefused(offered.filters.property, "broadcast_unavailable", "aren't available");
    expect(composerOptions(policy, { actor: manager })).toMatchObject({
      messageTypes: ["general"],
      markPriority: { allowed: false, code: "priority_unavailable" },
    });
  });

  it("connected (choice): managers see read receipts; messages can be edited for 15 minutes", () => {
    expectAllowed(policy.seeReadReceipts({ actor: manager }));
    expectRefused(
      policy.seeReadReceipts({ actor: tenant }),
      "read_receipts_hidden",
      "management only",
    );
    expectAllowed(
      policy.editMessage({
        actor: tenant,
        message: { authorId: tenant.userId, sentAt: minutesAgo(2), deletedAt: null },
        now,
      }),
    );
  });
});
