/** The message Type picker offers only what `chooseMessageType` allows the actor. */
import { describe, expect, it } from "vitest";
import { composerOptions, messageTypes, profileIds } from "../src/index";
import {
  accountOwner,
  conversation,
  owner,
  policyOf,
  resident,
  servicePro,
  subUser,
} from "./fixtures";

describe("message type options", () => {
  it.each(profileIds)("%s: residents, pros and owners get general messages only", (profileId) => {
    const policy = policyOf(profileId);
    for (const actor of [resident(), servicePro(), owner()]) {
      expect(composerOptions(policy, { actor }).messageTypes).toEqual(["general"]);
    }
  });

  it.each(["connected", "coworking", "landlord-led"])(
    "%s: managers have one type, so there is nothing to pick",
    (profileId) => {
      expect(composerOptions(policyOf(profileId), { actor: accountOwner() }).messageTypes).toEqual([
        "general",
      ]);
    },
  );

  it("standard: managers pick among all six when writing to a resident, not in a team chat", () => {
    const policy = policyOf("standard");
    const manager = accountOwner();
    const withResident = conversation("direct", [manager, resident()]);
    expect(
      composerOptions(policy, { actor: manager, conversation: withResident }).messageTypes,
    ).toEqual([...messageTypes]);
    const team = conversation("team", [manager, subUser()]);
    expect(composerOptions(policy, { actor: manager, conversation: team }).messageTypes).toEqual([
      "general",
    ]);
  });

  it("every offered type is one the policy allows, in every profile", () => {
    for (const profileId of profileIds) {
      const policy = policyOf(profileId);
      for (const actor of [accountOwner(), subUser(), resident(), servicePro()]) {
        for (const type of composerOptions(policy, { actor }).messageTypes) {
          expect(policy.chooseMessageType({ actor, type }).allowed).toBe(true);
        }
      }
    }
  });
});
