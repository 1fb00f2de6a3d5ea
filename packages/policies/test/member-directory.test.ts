/** seeMemberUnit: the directory shows a member another member's unit only where the profile needs it. */
import { describe, expect, it } from "vitest";
import { profileIds } from "../src/index";
import {
  accountOwner,
  expectAllowed,
  expectRefused,
  owner,
  policyOf,
  resident,
  servicePro,
  subUser,
} from "./fixtures";

const neighbour = resident("res-2");

describe("seeMemberUnit", () => {
  it.each(profileIds)(
    "%s as shipped: no member-to-member messages, so no unit for anyone",
    (id) => {
      const policy = policyOf(id);
      expect(policy.knobs.memberMessaging).toBe(false);
      for (const actor of [resident(), servicePro(), owner(), accountOwner(), subUser()])
        expectRefused(
          policy.seeMemberUnit({ actor, member: neighbour, sharesProperty: true }),
          "member_messaging_disabled",
          "turned off",
        );
    },
  );

  const coworking = policyOf("coworking", { memberMessaging: true });

  it("coworking with member messages: a member sees the unit of a member of the same building", () => {
    expectAllowed(
      coworking.seeMemberUnit({ actor: resident(), member: neighbour, sharesProperty: true }),
    );
  });

  it("…not of a member of another building", () => {
    expectRefused(
      coworking.seeMemberUnit({ actor: resident(), member: neighbour, sharesProperty: false }),
      "not_neighbors",
      "your own building",
    );
  });

  it("…nor of an inactive or not connected member, nor when the viewer is inactive", () => {
    expectRefused(
      coworking.seeMemberUnit({
        actor: resident(),
        member: resident("res-3", { memberStatus: "inactive" }),
        sharesProperty: true,
      }),
      "member_inactive",
      "",
    );
    expectRefused(
      coworking.seeMemberUnit({
        actor: resident("res-1", { memberStatus: "inactive" }),
        member: neighbour,
        sharesProperty: true,
      }),
      "member_inactive",
      "",
    );
  });

  it("service pros, owners and managers are not members: never a unit through this decision", () => {
    for (const actor of [servicePro(), owner(), accountOwner(), subUser()])
      expectRefused(
        coworking.seeMemberUnit({ actor, member: neighbour, sharesProperty: true }),
        "members_only",
        "members only",
      );
    expectRefused(
      coworking.seeMemberUnit({ actor: resident(), member: servicePro(), sharesProperty: true }),
      "members_only",
      "members only",
    );
  });
});
