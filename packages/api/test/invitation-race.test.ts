/**
 * One invitation link, many accepts at once: every accept passes the "is it still open" check
 * before any of them writes (a held row lock forces that interleaving), and still exactly one
 * connects the person.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, runQueuedJobs } from "./harness";
import { outcome } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** Backends of this database waiting for a lock, seen from a connection outside the pool. */
async function waitForLockWaiters(n: number): Promise<void> {
  const client = new pg.Client({ connectionString: h.t.url });
  await client.connect();
  try {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const result = await client.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
      );
      if ((result.rows[0]?.n ?? 0) >= n) return;
      if (Date.now() > deadline) throw new Error(`fewer than ${n} requests waited for the lock`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}

describe("accepting one invitation concurrently", () => {
  it("connects the person once: one accept succeeds, every other is refused", async () => {
    const manager = await h.as("owner@standard.demo");
    const { userId } = await manager.invitations.create({
      email: "racer@example.com",
      displayName: "Racer",
      kind: "resident",
    });
    await runQueuedJobs(h);
    const [mail] = await h.mailTo("racer@example.com");
    const token = mail!.body.match(/\/invite\/([\w-]+)/)?.[1];
    expect(token).toBeDefined();

    // Holds the invitation's row so that every accept reads it as open and then waits to write.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holder = h.t.db.transaction().execute(async (trx) => {
      await trx
        .selectFrom("invitations")
        .select("id")
        .where("user_id", "=", userId)
        .forUpdate()
        .execute();
      await released;
    });

    // More accepts than the test pool has connections (5).
    const accepts = Array.from({ length: 8 }, (_, i) =>
      outcome(() =>
        h.anonymous("resident").caller.auth.acceptInvitation({
          token: token!,
          password: `password-number-${i}`,
        }),
      ),
    );
    // The holder has one connection; the other four are accepts waiting on its lock.
    await waitForLockWaiters(4);
    release();
    await holder;
    const outcomes = await Promise.all(accepts);

    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.every((o) => o === "ok" || o === "CONFLICT" || o === "NOT_FOUND")).toBe(true);
    expect(outcomes.filter((o) => o === "CONFLICT").length).toBeGreaterThanOrEqual(3);

    const accepted = await h.t.db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "invitation.accepted")
      .where("target_id", "=", userId)
      .execute();
    expect(accepted).toHaveLength(1);
    const sessions = await h.t.db
      .selectFrom("sessions")
      .select("id")
      .where("user_id", "=", userId)
      .execute();
    expect(sessions).toHaveLength(1);
  }, 30_000);
});
