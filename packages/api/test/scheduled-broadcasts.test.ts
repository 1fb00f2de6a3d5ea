/** Scheduled broadcasts: they wait, go once at their time to the audience as it is then, and the policy is asked again. */
import { randomUUID } from "node:crypto";
import { sql } from "@hearth/db";
import { runOnce, Logger as WorkerLogger } from "graphile-worker";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendScheduledBroadcast } from "../src/jobs/send-scheduled-broadcast";
import { taskList } from "../src/jobs/tasks";
import { createLogger } from "../src/logger";
import { createHarness, type Harness, runQueuedJobs } from "./harness";
import { outcome } from "./helpers";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let now = new Date();
const clock = { now: () => now };
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

/** Moves the clock to `at`; jobs due by then become due for the worker too, which then runs. */
async function advanceTo(at: Date) {
  now = at;
  await sql`
    select count(*) from graphile_worker.reschedule_jobs(
      array(select id from graphile_worker.jobs where run_at <= ${at} and locked_at is null),
      run_at := now())`.execute(h.t.db);
  await runQueuedJobs(h);
}

/** The operator turns broadcasts on or off for the standard organization. */
async function broadcastsInStandard(on: boolean) {
  const operator = await h.as("operator@platform.demo");
  const org = await h.t.db
    .selectFrom("organizations")
    .select("id")
    .where("slug", "=", "standard")
    .executeTakeFirstOrThrow();
  const { settingsVersion } = await operator.operator.organization({ id: org.id });
  await operator.operator.setOverrides({
    organizationId: org.id,
    settingsVersion,
    overrides: on ? { broadcasts: true } : {},
  });
}

function broadcast(body: string, sendAt: Date, audience: object = { type: "all" }) {
  return {
    audience: audience as { type: "all" },
    clientId: randomUUID(),
    body,
    type: "general" as const,
    copyToEmail: false,
    sendAt,
  };
}

/** The broadcast conversations carrying this text, with their recipients' emails. */
async function deliveriesOf(body: string) {
  const rows = await h.t.db
    .selectFrom("messages as m")
    .innerJoin("conversations as c", "c.id", "m.conversation_id")
    .innerJoin("conversation_participants as p", "p.conversation_id", "c.id")
    .innerJoin("users as u", "u.id", "p.user_id")
    .select(["c.id", "m.sent_at", "u.email"])
    .where("c.kind", "=", "broadcast")
    .where("m.body", "=", body)
    .execute();
  return {
    conversations: new Set(rows.map((r) => r.id)).size,
    sentAt: rows[0]?.sent_at ?? null,
    emails: rows.map((r) => r.email),
  };
}

describe("who may schedule a broadcast", () => {
  it("coworking has broadcasts but no scheduled send (seed 003)", async () => {
    const owner = await h.as("owner@coworking.demo");
    expect(
      await outcome(() =>
        owner.broadcasts.schedule(broadcast("Community lunch", new Date(now.getTime() + HOUR))),
      ),
    ).toBe("FORBIDDEN:scheduled_send_unavailable");
  });

  it("standard schedules, but has broadcasts only where the operator turned them on", async () => {
    const owner = await h.as("owner@standard.demo");
    const draft = broadcast("Garage sweep", new Date(now.getTime() + HOUR));
    expect(await outcome(() => owner.broadcasts.schedule(draft))).toBe(
      "FORBIDDEN:broadcast_unavailable",
    );
    expect(await owner.broadcasts.scheduled()).toEqual([]);
  });

  it("refuses a time in the past, writing nothing", async () => {
    await broadcastsInStandard(true);
    const owner = await h.as("owner@standard.demo");
    expect(
      await outcome(() =>
        owner.broadcasts.schedule(broadcast("Too late", new Date(now.getTime() - HOUR))),
      ),
    ).toBe("FORBIDDEN:schedule_in_past");
    expect(await owner.broadcasts.scheduled()).toEqual([]);
    await broadcastsInStandard(false);
  });
});

describe("a scheduled broadcast (standard, broadcasts turned on)", () => {
  beforeAll(() => broadcastsInStandard(true));
  afterAll(() => broadcastsInStandard(false));

  it("waits unseen, then goes once at its time, as sent then, to the audience as it is then", async () => {
    const owner = await h.as("owner@standard.demo");
    const resident = await h.as("resident@standard.demo");
    // Active leases only; the "future" resident's lease starts in 30 days, before this goes.
    const sendAt = new Date(now.getTime() + 31 * DAY);
    const text = "Rent is due on the 1st at 9:00.";
    const scheduled = await owner.broadcasts.schedule(
      broadcast(text, sendAt, { type: "filtered", filters: { leaseStatuses: ["active"] } }),
    );
    expect(scheduled.created).toBe(true);
    expect(await owner.broadcasts.scheduled()).toMatchObject([
      { id: scheduled.id, body: text, sendAt, status: "scheduled", to: "A filtered group" },
    ]);

    await runQueuedJobs(h);
    expect((await deliveriesOf(text)).conversations).toBe(0);
    expect((await resident.conversations.list()).rows.some((r) => r.lastBody === text)).toBe(false);

    // The product restarts: a new worker process, on its own connections, finds the job.
    now = new Date(sendAt.getTime() + 1_000);
    await sql`
      select count(*) from graphile_worker.reschedule_jobs(
        array(select id from graphile_worker.jobs where key = ${`scheduled-broadcast:${scheduled.id}`}),
        run_at := now())`.execute(h.t.db);
    const pool = new pg.Pool({ connectionString: h.t.url, max: 2 });
    try {
      await runOnce({
        pgPool: pool,
        noHandleSignals: true,
        logger: new WorkerLogger(() => () => {}),
        taskList: taskList({
          db: h.t.db,
          logger: createLogger("silent"),
          mailer: h.deps.mailer,
          urls: h.deps.urls,
          clock,
        }),
      });
    } finally {
      await pool.end();
    }
    const delivered = await deliveriesOf(text);
    expect(delivered.conversations).toBe(1);
    expect(delivered.sentAt).toEqual(now);
    expect(delivered.emails).toContain("resident@standard.demo");
    expect(delivered.emails).toContain("future@standard.demo");
    expect(delivered.emails).not.toContain("former@standard.demo");
    expect(await owner.broadcasts.scheduled()).toEqual([]);
    expect(await outcome(() => owner.broadcasts.cancelScheduled({ id: scheduled.id }))).toBe(
      "NOT_FOUND",
    );

    // Once only: the job run again, a duplicate job, the clock moving on.
    await sql`select graphile_worker.add_job('send_scheduled_broadcast', ${JSON.stringify({ scheduledBroadcastId: scheduled.id })}::json)`.execute(
      h.t.db,
    );
    await advanceTo(new Date(now.getTime() + HOUR));
    expect((await deliveriesOf(text)).conversations).toBe(1);
  });

  it("sends once whatever runs it: three at once, and a worker that died before recording it", async () => {
    const owner = await h.as("owner@standard.demo");
    const text = "Fire alarm test on Friday.";
    const sendAt = new Date(now.getTime() + HOUR);
    const { id } = await owner.broadcasts.schedule(broadcast(text, sendAt));
    now = new Date(sendAt.getTime() + 500);
    const deps = { db: h.t.db, logger: h.deps.logger, clock, urls: h.deps.urls };
    const outcomes = await Promise.all([
      sendScheduledBroadcast(deps, id),
      sendScheduledBroadcast(deps, id),
      sendScheduledBroadcast(deps, id),
    ]);
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(1);
    expect((await deliveriesOf(text)).conversations).toBe(1);

    // As if the worker died after the broadcast was written but before it was marked sent.
    await h.t.db
      .updateTable("scheduled_broadcasts")
      .set({ status: "sending" })
      .where("id", "=", id)
      .execute();
    expect(await sendScheduledBroadcast(deps, id)).toBe("gone");
    expect((await deliveriesOf(text)).conversations).toBe(1);
    const row = await h.t.db
      .selectFrom("scheduled_broadcasts")
      .select(["status", "conversation_id"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("sent");
    expect(row.conversation_id).not.toBeNull();
    expect(await sendScheduledBroadcast(deps, id)).toBe("gone");
  });

  it("can be edited and moved until it goes, and cancelled", async () => {
    const owner = await h.as("owner@standard.demo");
    const first = new Date(now.getTime() + HOUR);
    const { id } = await owner.broadcasts.schedule(broadcast("Lobby painting at 10.", first));
    const later = new Date(first.getTime() + 2 * HOUR);
    await owner.broadcasts.updateScheduled({ id, body: "Lobby painting at 11.", sendAt: later });
    await advanceTo(new Date(first.getTime() + 1_000));
    expect((await deliveriesOf("Lobby painting at 11.")).conversations).toBe(0);
    await advanceTo(new Date(later.getTime() + 1_000));
    expect((await deliveriesOf("Lobby painting at 11.")).conversations).toBe(1);
    expect((await deliveriesOf("Lobby painting at 10.")).conversations).toBe(0);

    const at = new Date(now.getTime() + HOUR);
    const cancelled = await owner.broadcasts.schedule(broadcast("Never mind this one.", at));
    await owner.broadcasts.cancelScheduled({ id: cancelled.id });
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from graphile_worker.jobs
      where key = ${`scheduled-broadcast:${cancelled.id}`}`.execute(h.t.db);
    expect(rows[0]?.n).toBe(0);
    await advanceTo(new Date(at.getTime() + 1_000));
    expect((await deliveriesOf("Never mind this one.")).conversations).toBe(0);
  });

  it("another manager can't see, change or cancel it", async () => {
    const owner = await h.as("owner@standard.demo");
    const team = await h.as("team@standard.demo");
    const { id } = await owner.broadcasts.schedule(
      broadcast("Owner's own", new Date(now.getTime() + HOUR)),
    );
    expect(await team.broadcasts.scheduled()).toEqual([]);
    expect(await outcome(() => team.broadcasts.cancelScheduled({ id }))).toBe("NOT_FOUND");
    expect(
      await outcome(() => team.broadcasts.updateScheduled({ id, body: "Changed by someone else" })),
    ).toBe("NOT_FOUND");
    await owner.broadcasts.cancelScheduled({ id });
  });

  it("asks the policy again at its time: broadcasts turned off meanwhile refuse it, and the author is told", async () => {
    const owner = await h.as("owner@standard.demo");
    const text = "Holiday hours next week.";
    const sendAt = new Date(now.getTime() + HOUR);
    const { id } = await owner.broadcasts.schedule(broadcast(text, sendAt));
    await broadcastsInStandard(false);
    await advanceTo(new Date(sendAt.getTime() + 1_000));
    expect((await deliveriesOf(text)).conversations).toBe(0);
    const [refused] = await owner.broadcasts.scheduled();
    expect(refused).toMatchObject({ id, status: "refused" });
    expect(refused?.refusal).toMatch(/broadcast/i);
    const notice = await h.t.db
      .selectFrom("notifications")
      .select(["kind", "payload"])
      .where("user_id", "=", await h.userId("owner@standard.demo"))
      .where("kind", "=", "scheduled_message_refused")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(notice.payload).toMatchObject({ broadcast: true, excerpt: text });

    // Turned on again, a new time sends it.
    await broadcastsInStandard(true);
    const again = new Date(now.getTime() + HOUR);
    await owner.broadcasts.updateScheduled({ id, sendAt: again });
    await advanceTo(new Date(again.getTime() + 1_000));
    expect((await deliveriesOf(text)).conversations).toBe(1);
  });
});
