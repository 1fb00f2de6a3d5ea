/** Maintenance status and sharing, answering announcements privately, and who can lift a refusal. */
import { describe, expect, it } from "vitest";
import { capabilities, remedyFor } from "../src/index";
import {
  accountOwner,
  conversation,
  expectAllowed,
  expectRefused,
  now,
  operator,
  owner,
  pmMode,
  policyOf,
  resident,
  servicePro,
  subUser,
} from "./fixtures";

const profiles = ["standard", "connected", "coworking", "landlord-led"] as const;

describe("maintenance requests on the management's side, in every profile", () => {
  for (const id of profiles) {
    const policy = policyOf(id);
    it(`${id}: managers change the status and share with residents and service pros`, () => {
      expectAllowed(policy.changeMaintenanceStatus({ actor: accountOwner() }));
      expectAllowed(policy.changeMaintenanceStatus({ actor: subUser() }));
      expectRefused(policy.changeMaintenanceStatus({ actor: resident() }), "managers_only", "");
      expectRefused(
        policy.changeMaintenanceStatus({ actor: operator() }),
        "operator_cannot_message",
        "",
      );
      expectAllowed(
        policy.shareMaintenanceRequest({ actor: accountOwner(), recipient: servicePro() }),
      );
      expectAllowed(
        policy.shareMaintenanceRequest({ actor: accountOwner(), recipient: resident() }),
      );
      expectRefused(
        policy.shareMaintenanceRequest({ actor: accountOwner(), recipient: owner() }),
        "maintenance_tenants_and_pros_only",
        "service pros",
      );
      expectRefused(
        policy.shareMaintenanceRequest({ actor: resident(), recipient: servicePro() }),
        "managers_only",
        "",
      );
    });
  }

  it("connected (seed 001): only connected people are shared with", () => {
    expectRefused(
      policyOf("connected").shareMaintenanceRequest({
        actor: accountOwner(),
        recipient: servicePro({ connection: "invited" }),
      }),
      "not_connected",
      "connected users",
    );
  });
});

describe("answering an announcement", () => {
  const announcement = (noReply: boolean) =>
    conversation("broadcast", [accountOwner(), resident("res-1"), resident("res-2")], { noReply });

  it("where replies are allowed, a recipient answers privately, never into the announcement", () => {
    const policy = policyOf("standard", { broadcasts: true, broadcastNoReply: false });
    const input = { org: pmMode, actor: resident("res-1"), conversation: announcement(false) };
    expectRefused(policy.reply(input), "reply_privately", "Reply privately");
    expectAllowed(policy.replyPrivately(input));
    // The managers may follow up in the announcement itself.
    expectAllowed(policy.reply({ ...input, actor: accountOwner() }));
    expectRefused(
      policy.replyPrivately({ ...input, actor: accountOwner() }),
      "not_participant",
      "announcement you received",
    );
    expectRefused(
      policy.replyPrivately({ ...input, conversation: conversation("direct", [resident()]) }),
      "not_participant",
      "",
    );
    const caps = capabilities(policy, { ...input, now });
    expect(caps.replyPrivately?.allowed).toBe(true);
    expect(capabilities(policy, { ...input, actor: accountOwner(), now }).replyPrivately).toBe(
      undefined,
    );
  });

  it("a no-reply announcement can't be answered privately either", () => {
    const input = { org: pmMode, actor: resident("res-1"), conversation: announcement(true) };
    expectRefused(policyOf("standard").replyPrivately(input), "no_reply", "can't be replied to");
  });

  it("coworking (seed 003): the message comes from the space, so there is no one to reply to", () => {
    const input = { org: pmMode, actor: resident("res-1"), conversation: announcement(true) };
    expectRefused(policyOf("coworking").replyPrivately(input), "no_reply", "comes from the space");
  });

  it("a former resident can't answer where the lease gate closes threads", () => {
    const policy = policyOf("standard", {
      broadcasts: true,
      broadcastNoReply: false,
      replyLeaseStatuses: ["active"],
    });
    const input = {
      org: pmMode,
      actor: resident("res-1", { leaseStatus: "expired" }),
      conversation: announcement(false),
    };
    expectRefused(policy.replyPrivately(input), "lease_not_active", "expired");
  });
});

describe("who can turn a refused feature on", () => {
  it("an overridable knob: the operator, in the organization's settings", () => {
    const policy = policyOf("standard");
    expect(remedyFor(policy, policy.sendBroadcast({ actor: accountOwner() }))).toEqual({
      who: "operator",
      sentence: `Your operator can turn this on in your organization's settings ("Broadcast messages").`,
    });
  });

  it("a knob the profile fixes: the operator, by another profile", () => {
    const policy = policyOf("landlord-led");
    expect(remedyFor(policy, policy.sendBroadcast({ actor: accountOwner() }))?.sentence).toBe(
      `The Landlord-led chat profile has "Broadcast messages" off; your operator can move your organization to a profile that has it.`,
    );
  });

  it("a missing permission: the account owner", () => {
    const policy = policyOf("standard", { broadcasts: true });
    expect(remedyFor(policy, policy.sendBroadcast({ actor: subUser() }))?.who).toBe(
      "account_owner",
    );
  });

  it("nothing to lift when allowed, or when nobody can change it", () => {
    const policy = policyOf("coworking");
    expect(remedyFor(policy, policy.sendBroadcast({ actor: accountOwner() }))).toBeNull();
    expect(remedyFor(policy, policy.sendBroadcast({ actor: resident() }))).toBeNull();
  });
});
