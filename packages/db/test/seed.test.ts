import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bestLeaseStatus, leaseStatus } from "../src/lease-status";
import { verifyPassword } from "../src/password";
import { DEMO_PASSWORD, demoLogins } from "../src/seed/index";
import { createTestDatabase, type TestDatabase } from "../src/testing/index";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
});
afterAll(() => t.destroy());

async function leaseStatusesOf(email: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom("users")
    .innerJoin("lease_residents", "lease_residents.user_id", "users.id")
    .innerJoin("leases", "leases.id", "lease_residents.lease_id")
    .select(["leases.starts_on", "leases.ends_on"])
    .where("users.email", "=", email)
    .execute();
  const today = new Date().toISOString().slice(0, 10);
  return rows.map((lease) => leaseStatus(lease, today));
}

describe("demo seed", () => {
  it("has one organization per policy profile", async () => {
    const orgs = await t.db
      .selectFrom("organizations")
      .select(["slug", "policy_profile"])
      .orderBy("slug")
      .execute();
    expect(orgs).toEqual([
      { slug: "connected", policy_profile: "connected" },
      { slug: "coworking", policy_profile: "coworking" },
      { slug: "landlord-led", policy_profile: "landlord-led" },
      { slug: "standard", policy_profile: "standard" },
    ]);
  });

  it("gives every printed login the demo password, and the invited user none", async () => {
    for (const login of demoLogins()) {
      const user = await t.db
        .selectFrom("users")
        .select("password_hash")
        .where("email", "=", login.email)
        .executeTakeFirstOrThrow();
      expect(user.password_hash, login.email).not.toBeNull();
    }
    const sample = await t.db
      .selectFrom("users")
      .select("password_hash")
      .where("email", "=", "owner@standard.demo")
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(sample.password_hash!, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(sample.password_hash!, "wrong")).toBe(false);
    const invited = await t.db
      .selectFrom("users")
      .innerJoin("connections", "connections.user_id", "users.id")
      .select(["password_hash", "status"])
      .where("email", "=", "invited@standard.demo")
      .executeTakeFirstOrThrow();
    expect(invited).toEqual({ password_hash: null, status: "invited" });
  });

  it("gives residents the lease states their names promise", async () => {
    expect(await leaseStatusesOf("resident@landlord-led.demo")).toEqual(["active"]);
    expect(await leaseStatusesOf("roommate@landlord-led.demo")).toEqual(["active"]);
    expect(await leaseStatusesOf("future@landlord-led.demo")).toEqual(["future"]);
    expect(await leaseStatusesOf("former@landlord-led.demo")).toEqual(["expired"]);
  });

  it("has conversations with history and one unread message for the manager", async () => {
    const count = await t.db
      .selectFrom("messages")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(count.n).toBeGreaterThan(20);
  });
});

describe("lease status", () => {
  it("derives future, active and expired from the dates", () => {
    expect(leaseStatus({ starts_on: "2026-12-01", ends_on: null }, "2026-11-21")).toBe("future");
    expect(leaseStatus({ starts_on: "2026-11-21", ends_on: "2026-11-21" }, "2026-11-21")).toBe(
      "active",
    );
    expect(leaseStatus({ starts_on: "2025-01-01", ends_on: "2026-11-20" }, "2026-11-21")).toBe(
      "expired",
    );
    expect(leaseStatus({ starts_on: "2025-01-01", ends_on: null }, "2026-11-21")).toBe("active");
  });

  it("lets an active lease win over others", () => {
    expect(bestLeaseStatus(["expired", "active", "future"])).toBe("active");
    expect(bestLeaseStatus(["expired", "future"])).toBe("future");
    expect(bestLeaseStatus([])).toBe("none");
  });
});
