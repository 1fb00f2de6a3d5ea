/** Board moderation and residents' posts: pin, hide, approve (issue 13, the BuildingLink way). */
import { describe, expect, it } from "vitest";
import { knobLabels } from "../src/knob-labels";
import {
  accountOwner,
  expectAllowed,
  expectRefused,
  policyOf,
  resident,
  servicePro,
  subUser,
} from "./fixtures";

const manager = accountOwner();
const tenant = resident("tenant-1");

describe("connected: moderation", () => {
  const policy = policyOf("connected");

  it("managers moderate the board; tenants and pros do not", () => {
    expectAllowed(policy.moderateBoard({ actor: manager }));
    expectRefused(
      policy.moderateBoard({ actor: tenant }),
      "board_moderation_managers_only",
      "moderate the message board",
    );
    expectRefused(
      policy.moderateBoard({ actor: servicePro() }),
      "board_moderation_managers_only",
      "moderate",
    );
  });

  it("a sub-user moderates only with the board permission", () => {
    expectRefused(policy.moderateBoard({ actor: subUser() }), "missing_permission", "permission");
    expectAllowed(policy.moderateBoard({ actor: subUser({ permissions: ["board.manage"] }) }));
  });

  it("tenants don't publish by default: the posts are the landlord's", () => {
    expectRefused(policy.postToBoard({ actor: tenant }), "board_post_managers_only", "publish");
  });
});

describe("connected with tenants' posts turned on", () => {
  it("a tenant with board access publishes; their post waits for approval while the knob is on", () => {
    const policy = policyOf("connected", { boardResidentPosts: true });
    expectAllowed(policy.postToBoard({ actor: tenant, category: "for_sale" }));
    expectRefused(
      policy.postToBoard({ actor: resident("former", { leaseStatus: "expired" }) }),
      "lease_not_active",
      "active lease",
    );
    const waits = policy.publishWithoutApproval({ actor: tenant });
    expectRefused(waits, "board_post_needs_approval", "Waiting for approval");
    expectAllowed(policy.publishWithoutApproval({ actor: manager }));
  });

  it("without approval a tenant's post appears at once", () => {
    const policy = policyOf("connected", { boardResidentPosts: true, boardPostApproval: false });
    expectAllowed(policy.publishWithoutApproval({ actor: tenant }));
  });

  it("nobody comments on a post that waits for approval", () => {
    const policy = policyOf("connected", { boardResidentPosts: true });
    const waiting = { authorId: tenant.userId, commentsEnabled: true, awaitingApproval: true };
    expectRefused(
      policy.commentOnPost({ actor: manager, post: waiting }),
      "post_awaiting_approval",
      "once the post is approved",
    );
  });

  it("moderation stays with the management", () => {
    const policy = policyOf("connected", { boardResidentPosts: true });
    expectRefused(
      policy.moderateBoard({ actor: tenant }),
      "board_moderation_managers_only",
      "moderate",
    );
  });
});

describe("profiles without a board", () => {
  for (const profile of ["standard", "coworking", "landlord-led"]) {
    it(`${profile}: nobody moderates or publishes`, () => {
      const policy = policyOf(profile);
      const off = "message board isn't available";
      expectRefused(policy.moderateBoard({ actor: manager }), "board_disabled", off);
      expectRefused(policy.postToBoard({ actor: tenant }), "board_disabled", off);
      expectRefused(policy.postToBoard({ actor: manager }), "board_disabled", off);
    });
  }
});

it("the operator console names the new knobs", () => {
  expect(knobLabels.boardResidentPosts).toMatch(/post on the board/);
  expect(knobLabels.boardPostApproval).toMatch(/approval/);
});
