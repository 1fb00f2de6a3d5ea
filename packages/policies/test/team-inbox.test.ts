import { describe, it } from "vitest";
import {
  accountOwner,
  conversation,
  expectAllowed,
  expectRefused,
  operator,
  policyOf,
  resident,
  servicePro,
  subUser,
} from "./fixtures";

const profiles = ["standard", "connected", "coworking", "landlord-led"] as const;
const withResident = conversation("direct", [accountOwner(), resident()]);

describe("the team inbox", () => {
  it.each(profiles)("%s: the account owner uses it and handles a resident's thread", (profile) => {
    const policy = policyOf(profile);
    expectAllowed(policy.useTeamInbox({ actor: accountOwner() }));
    expectAllowed(policy.handleConversation({ actor: accountOwner(), conversation: withResident }));
    expectAllowed(policy.beAssigned({ assignee: accountOwner() }));
  });

  it.each(["standard", "connected", "coworking"] as const)(
    "%s: sub-users share it (their chat is on) and take assignments",
    (profile) => {
      const policy = policyOf(profile);
      expectAllowed(policy.useTeamInbox({ actor: subUser() }));
      expectAllowed(policy.handleConversation({ actor: subUser(), conversation: withResident }));
      expectAllowed(policy.beAssigned({ assignee: subUser() }));
    },
  );

  it("landlord-led: chat is the main user's only (seed 004), so sub-users have no team inbox", () => {
    const policy = policyOf("landlord-led");
    expectRefused(
      policy.useTeamInbox({ actor: subUser() }),
      "sub_user_chat_disabled",
      "only for the main account user",
    );
    expectRefused(
      policy.handleConversation({ actor: subUser(), conversation: withResident }),
      "sub_user_chat_disabled",
      "only for the main account user",
    );
    expectRefused(
      policy.beAssigned({ assignee: subUser() }),
      "assignee_without_chat",
      "can't chat",
    );
  });

  it("a sub-user whose chat needs a permission gets it only with that permission", () => {
    const policy = policyOf("standard", { subUserChat: "with_permission" });
    expectRefused(
      policy.useTeamInbox({ actor: subUser() }),
      "missing_permission",
      "Ask your account owner",
    );
    expectAllowed(policy.useTeamInbox({ actor: subUser({ permissions: ["messaging.chat"] }) }));
    expectRefused(policy.beAssigned({ assignee: subUser() }), "assignee_without_chat", "can't");
  });

  it.each(profiles)("%s: residents, pros and operators never see the team inbox", (profile) => {
    const policy = policyOf(profile);
    expectRefused(
      policy.useTeamInbox({ actor: resident() }),
      "team_inbox_managers_only",
      "Only managers",
    );
    expectRefused(
      policy.useTeamInbox({ actor: servicePro() }),
      "team_inbox_managers_only",
      "Only managers",
    );
    expectRefused(
      policy.useTeamInbox({ actor: operator() }),
      "operator_cannot_message",
      "Operators",
    );
    expectRefused(policy.beAssigned({ assignee: resident() }), "assignee_not_manager", "managers");
  });

  it("team chats, announcements and members' private chats are not the team's", () => {
    const policy = policyOf("coworking");
    const actor = accountOwner();
    expectRefused(
      policy.handleConversation({
        actor,
        conversation: conversation("team", [accountOwner(), subUser()]),
      }),
      "not_shared_with_team",
      "Team chats",
    );
    expectRefused(
      policy.handleConversation({
        actor,
        conversation: conversation("broadcast", [accountOwner(), resident()]),
      }),
      "not_shared_with_team",
      "Broadcasts page",
    );
    expectRefused(
      policy.handleConversation({
        actor,
        conversation: conversation("direct", [resident("a"), resident("b")]),
      }),
      "not_shared_with_team",
      "doesn't include the management",
    );
    expectAllowed(
      policy.handleConversation({
        actor,
        conversation: conversation("unit_group", [subUser(), resident("a"), resident("b")]),
      }),
    );
  });
});
