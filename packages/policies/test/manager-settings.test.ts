import { describe, it } from "vitest";
import {
  accountOwner,
  expectAllowed,
  expectRefused,
  policyOf,
  resident,
  subUser,
} from "./fixtures";

describe("shared templates and business hours belong to the account owner", () => {
  it("standard: the owner manages shared templates; a sub-user only with the permission", () => {
    const policy = policyOf("standard");
    expectAllowed(policy.manageSharedTemplates({ actor: accountOwner() }));
    expectRefused(
      policy.manageSharedTemplates({ actor: subUser() }),
      "shared_templates_owner_only",
      "account owner",
    );
    expectAllowed(
      policy.manageSharedTemplates({ actor: subUser({ permissions: ["templates.manage"] }) }),
    );
    expectRefused(
      policy.manageSharedTemplates({ actor: resident() }),
      "managers_only",
      "templates",
    );
  });

  it("landlord-led has templates (seed 004); connected and coworking have none", () => {
    expectAllowed(policyOf("landlord-led").manageSharedTemplates({ actor: accountOwner() }));
    for (const profile of ["connected", "coworking"])
      expectRefused(
        policyOf(profile).manageSharedTemplates({ actor: accountOwner() }),
        "templates_unavailable",
        "templates",
      );
  });

  it("standard: only the account owner sets business hours; other profiles have no auto-responses", () => {
    const policy = policyOf("standard");
    expectAllowed(policy.configureBusinessHours({ actor: accountOwner() }));
    expectRefused(
      policy.configureBusinessHours({ actor: subUser() }),
      "business_hours_owner_only",
      "account owner",
    );
    for (const profile of ["connected", "coworking", "landlord-led"])
      expectRefused(
        policyOf(profile).configureBusinessHours({ actor: accountOwner() }),
        "auto_responses_unavailable",
        "Auto-responses",
      );
  });
});
