/** Behaviour shared by every profile, driven by knobs rather than by one seed. */
import { describe, expect, it } from "vitest";
import {
  type Actor,
  type AudienceFilter,
  type AudienceFilters,
  type AudienceType,
  audienceFilters,
  audienceTypes,
  type BroadcastAudience,
  broadcastOptions,
  capabilities,
  createPolicy,
  getProfile,
  type Knobs,
  profileIds,
} from "../src/index";
import {
  accountOwner,
  conversation,
  expectAllowed,
  expectRefused,
  landlordMode,
  minutesAgo,
  now,
  operator,
  pmMode,
  policyOf,
  resident,
  servicePro,
  subUser,
} from "./fixtures";

const org = pmMode;
const manager = accountOwner();
const tenant = resident();

describe("every profile", () => {
  it.each(profileIds)(
    "%s: operators manage organizations but take no part in conversations",
    (id) => {
      const policy = policyOf(id);
      const op = operator();
      const thread = conversation("direct", [manager, tenant]);
      expectRefused(
        policy.compose({ org, actor: op }),
        "operator_cannot_message",
        "don't take part",
      );
      expectRefused(
        policy.startConversation({ org, actor: op, kind: "direct", recipients: [tenant] }),
        "operator_cannot_message",
        "Operators",
      );
      expectRefused(
        policy.reply({ org, actor: op, conversation: thread }),
        "operator_cannot_message",
        "Operators",
      );
      expectRefused(
        policy.startConversation({ org, actor: manager, kind: "team", recipients: [op] }),
        "team_managers_only",
        "sub-users",
      );
    },
  );

  it.each(profileIds)("%s: nobody starts a conversation with themselves", (id) => {
    expectRefused(
      policyOf(id).startConversation({
        org,
        actor: manager,
        kind: "direct",
        recipients: [manager],
      }),
      "cannot_message_self",
      "yourself",
    );
  });

  it.each(profileIds)("%s: replies by email or SMS never land in a conversation", (id) => {
    expectRefused(
      policyOf(id).acceptInboundReply({ via: "sms" }),
      "inbound_reply_unsupported",
      "SMS",
    );
  });

  it.each(profileIds)(
    "%s: a scheduled message can be changed or cancelled by its author until it goes out",
    (id) => {
      const policy = policyOf(id);
      const scheduled = { authorId: manager.userId, sentAt: null, deletedAt: null };
      expectAllowed(policy.editMessage({ actor: manager, message: scheduled, now }));
      expectAllowed(policy.deleteMessage({ actor: manager, message: scheduled, now }));
      expectRefused(
        policy.deleteMessage({ actor: subUser(), message: scheduled, now }),
        "not_message_author",
        "your own messages",
      );
    },
  );

  it.each(profileIds)("%s: in-app notifications can't be switched off", (id) => {
    expectAllowed(
      policyOf(id).notify({
        org,
        channel: "in_app",
        preferences: { email: false, sms: false, push: false, desktop: false },
      }),
    );
  });
});

describe("conversations (standard knobs unless said)", () => {
  const policy = policyOf("standard");

  it("managers share the inbox: a sub-user answers a resident's thread they did not join", () => {
    expectAllowed(
      policy.reply({
        org,
        actor: subUser(),
        conversation: conversation("direct", [manager, tenant]),
      }),
    );
  });

  it("team chats and others' conversations need membership", () => {
    expectRefused(
      policy.reply({
        org,
        actor: subUser(),
        conversation: conversation("team", [manager, subUser({ userId: "sub-2" })]),
      }),
      "not_participant",
      "not part of this conversation",
    );
    expectRefused(
      policy.reply({
        org,
        actor: resident("stranger"),
        conversation: conversation("direct", [manager, tenant]),
      }),
      "not_participant",
      "not part of this conversation",
    );
  });

  it("managers may follow up in their own no-reply announcement", () => {
    const announcement = conversation("broadcast", [manager, tenant], { noReply: true });
    expectAllowed(policy.reply({ org, actor: manager, conversation: announcement }));
    expectRefused(
      policy.reply({ org, actor: tenant, conversation: announcement }),
      "no_reply",
      "announcement",
    );
  });

  it("maintenance threads are the system's, even for managers", () => {
    expectRefused(
      policy.startConversation({ org, actor: manager, kind: "maintenance", recipients: [tenant] }),
      "maintenance_thread_automatic",
      "automatically",
    );
  });

  it("residents may not start group conversations or write to non-managers", () => {
    expectRefused(
      policy.startConversation({ org, actor: tenant, kind: "team", recipients: [manager] }),
      "managers_only",
      "group conversations",
    );
    expectRefused(
      policy.startConversation({ org, actor: tenant, kind: "direct", recipients: [] }),
      "no_recipients",
      "who you're writing to",
    );
  });

  it("sub-user chat 'with_permission' reads the messaging.chat permission", () => {
    const gated = policyOf("standard", { subUserChat: "with_permission" });
    expectRefused(
      gated.startConversation({ org, actor: subUser(), kind: "direct", recipients: [tenant] }),
      "missing_permission",
      "messaging.chat",
    );
    expectAllowed(
      gated.startConversation({
        org,
        actor: subUser({ permissions: ["messaging.chat"] }),
        kind: "direct",
        recipients: [tenant],
      }),
    );
  });

  it("a deleted message can be neither edited nor deleted again", () => {
    const gone = { authorId: manager.userId, sentAt: minutesAgo(1), deletedAt: now };
    expectRefused(
      policy.editMessage({ actor: manager, message: gone, now }),
      "message_deleted",
      "was deleted",
    );
    expectRefused(
      policy.deleteMessage({ actor: manager, message: gone, now }),
      "message_deleted",
      "was deleted",
    );
  });

  it("attachment types match exactly or by family (image/*), case-insensitively", () => {
    expectAllowed(
      policy.attachFile({ actor: tenant, attachment: { sizeBytes: 10, mimeType: "IMAGE/PNG" } }),
    );
    expectRefused(
      policy.attachFile({ actor: tenant, attachment: { sizeBytes: 10, mimeType: "imagex/png" } }),
      "attachment_type_not_allowed",
      "imagex/png",
    );
    expectAllowed(policy.attachFile({ actor: tenant }));
  });

  it("owners are unreachable in landlord mode even when an organization adds the Owners channel", () => {
    const withOwners = policyOf("standard", { channels: ["team", "tenants", "owners"] });
    expectRefused(
      withOwners.useChannel({ org: landlordMode, actor: manager, channel: "owners" }),
      "owners_channel_pm_mode_only",
      "Property Manager mode",
    );
    expectAllowed(withOwners.useChannel({ org, actor: manager, channel: "owners" }));
  });
});

describe("capabilities", () => {
  it("maps every action the facts allow to a decision, for the UI", () => {
    const policy = policyOf("landlord-led");
    const caps = capabilities(policy, { org: landlordMode, actor: tenant, now });
    expectRefused(caps.compose!, "tenant_cannot_initiate", "can't start a chat");
    expectAllowed(caps.attachFile!);
    expectRefused(caps["channel.team"]!, "channel_disabled", "Team");
    expect(caps.reply).toBeUndefined();
    expect(Object.keys(caps)).toEqual(
      expect.arrayContaining(["viewBoard", "copyToEmail", "channel.owners", "channel.board"]),
    );
  });

  it("adds conversation, message, post and comment actions when those facts are given", () => {
    const policy = policyOf("connected");
    const mine = { authorId: tenant.userId, sentAt: minutesAgo(30), deletedAt: null };
    const caps = capabilities(policy, {
      org,
      actor: tenant,
      now,
      conversation: conversation("direct", [manager, tenant]),
      message: mine,
      post: { authorId: manager.userId, commentsEnabled: false },
      comment: { authorId: tenant.userId, seenByManagerAt: null, deletedAt: null },
    });
    expectAllowed(caps.reply!);
    expectRefused(caps.editMessage!, "edit_window_passed", "15 minutes");
    expectRefused(
      caps.commentOnPost!,
      "comments_disabled",
      "Commenting this post is not available",
    );
    expectAllowed(caps.deleteComment!);
  });
});

/** The connected profile with some knobs changed, including ones no organization may override. */
function connectedWith(knobs: Partial<Knobs>) {
  const profile = getProfile("connected");
  if (!profile) throw new Error("connected profile missing");
  return createPolicy(profile, { ...profile.defaults, ...knobs }, []);
}

describe("people outside the organization", () => {
  it.each(profileIds)("%s: only people of the organization can be messaged", (id) => {
    const policy = policyOf(id);
    expectAllowed(policy.membershipGate({ people: [tenant, manager] }));
    expectRefused(
      policy.membershipGate({ people: [undefined] }),
      "not_in_organization",
      "This person isn't part of your organization",
    );
    expectRefused(
      policy.membershipGate({ people: [tenant, undefined] }),
      "not_in_organization",
      "Some of these people aren't part of your organization",
    );
  });
});

describe("maintenance settings", () => {
  it("the opt-out exists only where threads are on and the profile lets managers opt out", () => {
    expectAllowed(connectedWith({}).configureMaintenanceThreads({ actor: manager }));
    expectRefused(
      connectedWith({ maintenanceThreadOptOut: false }).configureMaintenanceThreads({
        actor: manager,
      }),
      "maintenance_opt_out_unavailable",
      "can't turn off maintenance request threads",
    );
    expectRefused(
      connectedWith({ channels: ["team", "tenants"] }).configureMaintenanceThreads({
        actor: manager,
      }),
      "maintenance_threads_disabled",
      "aren't available",
    );
    expectRefused(
      connectedWith({}).configureMaintenanceThreads({ actor: operator() }),
      "managers_only",
      "Maintenance Settings",
    );
  });
});

describe("the broadcast composer", () => {
  const sample: Record<AudienceType, BroadcastAudience> = {
    all: { type: "all" },
    filtered: { type: "filtered", filters: { propertyIds: ["p1"] } },
    specific: { type: "specific", userIds: ["r1"] },
  };
  const filterSample: Record<AudienceFilter, AudienceFilters> = {
    property: { propertyIds: ["p1"] },
    lease_status: { leaseStatuses: ["active"] },
    plan: { plans: ["Hot desk"] },
    member_status: { memberStatuses: ["active"] },
  };
  const actors: Actor[] = [
    manager,
    subUser(),
    subUser({ permissions: ["messaging.broadcast"] }),
    tenant,
    servicePro(),
  ];
  const policies = profileIds.flatMap((id) => [
    policyOf(id),
    ...(getProfile(id)?.overridable.includes("broadcasts")
      ? [policyOf(id, { broadcasts: true })]
      : []),
  ]);

  it("offers a filter exactly when sending with that filter is allowed", () => {
    for (const policy of policies)
      for (const actor of actors)
        for (const filter of audienceFilters) {
          const offered = broadcastOptions(policy, { actor }).filters[filter];
          const sent = policy.sendBroadcast({
            actor,
            audience: { type: "filtered", filters: filterSample[filter] },
          });
          expect(offered, `${policy.profile.id} ${actor.userId} ${filter}`).toEqual(
            sent.allowed ? expect.objectContaining({ allowed: true }) : sent,
          );
        }
  });

  it("offers an audience exactly when sending to it is allowed with some filter", () => {
    for (const policy of policies)
      for (const actor of actors)
        for (const type of audienceTypes) {
          const offered = broadcastOptions(policy, { actor }).audiences[type];
          const sendable =
            type === "filtered"
              ? audienceFilters.some(
                  (filter) =>
                    policy.sendBroadcast({
                      actor,
                      audience: { type, filters: filterSample[filter] },
                    }).allowed,
                )
              : policy.sendBroadcast({ actor, audience: sample[type] }).allowed;
          expect(offered.allowed, `${policy.profile.id} ${actor.userId} ${type}`).toBe(sendable);
        }
  });

  it("a filtered group with no filter switched on is not offered", () => {
    const noFilters = connectedWith({ broadcasts: true, broadcastFilters: [] });
    expectRefused(
      noFilters.chooseAudience({ actor: manager, audience: "filtered" }),
      "filter_unavailable",
      "No filters",
    );
    expectRefused(
      connectedWith({ broadcasts: true, broadcastAudiences: ["all"] }).filterAudience({
        actor: manager,
        filter: "property",
      }),
      "audience_unavailable",
      "a filtered group",
    );
  });
});

describe("notifications in every profile", () => {
  it.each(profileIds)("%s: an unsubscribe from email holds whatever the profile decides", (id) => {
    const policy = policyOf(id);
    expectRefused(
      policy.notify({ org, channel: "email", preferences: { email: true }, unsubscribed: true }),
      "notification_opted_out",
      /unsubscribed from email/i,
    );
  });
});
