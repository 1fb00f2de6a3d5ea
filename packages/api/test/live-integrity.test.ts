import { randomUUID } from "node:crypto";
import { sql } from "@hearth/db";
import { createTestDatabase, type TestDatabase } from "@hearth/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { pruneLiveEvents } from "../src/jobs/tasks";
import { createLogger } from "../src/logger";
import { createDevMailbox } from "../src/mail/mailer";
import { lockConversation, publishLiveEvent } from "../src/realtime/event-log";
import { createLiveHub, type LiveHub } from "../src/realtime/hub";
import {
  type ApiProcess,
  callApi,
  LiveTab,
  signInOver,
  startApiProcess,
} from "./fixtures/live-client";

let t: TestDatabase;
const processes: ApiProcess[] = [];

beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
});

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await t.destroy();
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Subscribes `userId` to the hub and records the message ids it delivers, in order. */
async function listen(hub: LiveHub, userId: string) {
  const controller = new AbortController();
  const subscription = await hub.subscribe(userId, controller.signal);
  const received: number[] = [];
  const reading = (async () => {
    for await (const { event } of subscription)
      if (event.type === "message") received.push(event.messageId);
  })();
  return {
    received,
    async stop() {
      controller.abort();
      await reading;
    },
  };
}

async function unitGroup() {
  const row = await t.db
    .selectFrom("conversations as c")
    .innerJoin("organizations as o", "o.id", "c.organization_id")
    .select("c.id")
    .where("o.slug", "=", "standard")
    .where("c.kind", "=", "unit_group")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function userId(email: string) {
  return (
    await t.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()
  ).id;
}

describe("the event log", () => {
  it("holds back an event committed behind a transaction still running, then delivers both once", async () => {
    const hub = createLiveHub(t.url, createLogger("silent"), { pollMs: 50 });
    const conversationId = await unitGroup();
    const recipient = await userId("resident@standard.demo");
    const { received, stop } = await listen(hub, recipient);

    // The earlier transaction takes its transaction id first and commits last.
    const slow = new pg.Client({ connectionString: t.url });
    await slow.connect();
    try {
      await slow.query("begin");
      await slow.query(
        `insert into live_events (organization_id, conversation_id, recipients, payload)
         select organization_id, id, array[$2::uuid], $3::jsonb from conversations where id = $1`,
        [
          conversationId,
          recipient,
          JSON.stringify({ type: "message", change: "created", conversationId, messageId: 1 }),
        ],
      );
      await t.db.transaction().execute((trx) =>
        publishLiveEvent(trx, {
          type: "message",
          change: "created",
          conversationId,
          messageId: 2,
          recipients: [recipient],
        }),
      );
      hub.wake();
      await new Promise((r) => setTimeout(r, 300));
      // The later commit is not delivered ahead of the transaction still open before it.
      expect(received).toEqual([]);
      await slow.query("commit");
    } finally {
      await slow.end();
    }
    hub.wake();
    await waitFor(() => received.length >= 2, 5_000, "both events");
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toEqual([1, 2]);
    await stop();
    expect(hub.stats().subscribers).toBe(0);
    await hub.close();
  });

  it("survives failed reconnects and delivers what was committed while its connection was down", async () => {
    const hub = createLiveHub(t.url, createLogger("silent"), { pollMs: 50 });
    const conversationId = await unitGroup();
    const recipient = await userId("roommate@standard.demo");
    const { received, stop } = await listen(hub, recipient);
    const admin = new pg.Client({ connectionString: inject("testDatabase").adminUrl });
    await admin.connect();
    try {
      // No new connections: every reconnect attempt fails until they are allowed again.
      await admin.query(`alter database "${t.name}" allow_connections false`);
      await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'hearth-live' and datname = $1",
        [t.name],
      );
      await waitFor(() => !hub.stats().listening, 5_000, "the hub to notice");
      for (const messageId of [11, 12])
        await t.db.transaction().execute((trx) =>
          publishLiveEvent(trx, {
            type: "message",
            change: "created",
            conversationId,
            messageId,
            recipients: [recipient],
          }),
        );
      await new Promise((r) => setTimeout(r, 500));
      expect(received).toEqual([]);
    } finally {
      await admin.query(`alter database "${t.name}" allow_connections true`);
      await admin.end();
    }
    await waitFor(() => received.length >= 2, 15_000, "delivery after reconnecting");
    expect(received).toEqual([11, 12]);
    expect(hub.stats().listening).toBe(true);
    await stop();
    await hub.close();
  });

  it("keeps log order where transaction ids gain a digit (numeric, not text, order)", async () => {
    const hub = createLiveHub(t.url, createLogger("silent"), { pollMs: 60_000 });
    const conversationId = await unitGroup();
    const recipient = await userId("owner@standard.demo");
    const { received, stop } = await listen(hub, recipient);
    const burner = new pg.Client({ connectionString: t.url });
    await burner.connect();
    try {
      const { rows } = await burner.query<{ xid: string }>(
        "select pg_current_xact_id()::text as xid",
      );
      const next = BigInt(rows[0]!.xid);
      const boundary = 10n ** BigInt(next.toString().length);
      // One round trip of many short transactions, each taking one id.
      const burn = Number(boundary - next) - 3;
      if (burn > 0) await burner.query("begin; select pg_current_xact_id(); commit;".repeat(burn));
    } finally {
      await burner.end();
    }
    for (const messageId of [21, 22, 23, 24])
      await t.db.transaction().execute((trx) =>
        publishLiveEvent(trx, {
          type: "message",
          change: "created",
          conversationId,
          messageId,
          recipients: [recipient],
        }),
      );
    // One read takes all four, so their order is the query's.
    hub.wake();
    await waitFor(() => received.length >= 4, 5_000, "four events");
    expect(received).toEqual([21, 22, 23, 24]);
    await stop();
    await hub.close();
  });

  it("prunes events older than the retention and keeps the rest", async () => {
    const conversationId = await unitGroup();
    const recipient = await userId("owner@standard.demo");
    for (const messageId of [31, 32])
      await t.db.transaction().execute((trx) =>
        publishLiveEvent(trx, {
          type: "message",
          change: "created",
          conversationId,
          messageId,
          recipients: [recipient],
        }),
      );
    await sql`update live_events set created_at = now() - interval '2 days'
      where (payload->>'messageId')::int = 31`.execute(t.db);
    const removed = await pruneLiveEvents(
      { db: t.db, logger: createLogger("silent"), mailer: createDevMailbox(t.db) },
      new Date(),
    );
    expect(removed).toBeGreaterThanOrEqual(1);
    const left = await sql<{
      id: number;
    }>`select (payload->>'messageId')::int as id from live_events
      where (payload->>'messageId')::int in (31, 32)`.execute(t.db);
    expect(left.rows.map((r) => r.id)).toEqual([32]);
  });

  it("refuses a conversation lock taken after the transaction has written", async () => {
    const conversationId = await unitGroup();
    await expect(
      t.db.transaction().execute(async (trx) => {
        await sql`update conversations set title = title where id = ${conversationId}`.execute(trx);
        await lockConversation(trx, conversationId);
      }),
    ).rejects.toThrow(/before the transaction's first write/);
  });
});

describe("live delivery under concurrent senders, two processes, reconnects and a killed LISTEN", () => {
  it("delivers every message to every tab exactly once, in commit order", async () => {
    // Sessions belong to one app: managers on manager processes, residents on resident ones.
    const [managerApi, residentA, residentB] = await Promise.all([
      startApiProcess("manager", t.url),
      startApiProcess("resident", t.url),
      startApiProcess("resident", t.url),
    ]);
    processes.push(managerApi, residentA, residentB);
    const conversationId = await unitGroup();
    const senders = [
      { base: managerApi.base, email: "owner@standard.demo" },
      { base: residentA.base, email: "resident@standard.demo" },
      { base: residentB.base, email: "roommate@standard.demo" },
    ];
    const cookies = new Map<string, string>();
    for (const s of senders) cookies.set(s.email, await signInOver(s.base, s.email));

    // Two tabs per participant; each resident has one tab on either resident process.
    const tabs: { email: string; tab: LiveTab }[] = [];
    for (const s of senders) {
      const other =
        s.base === residentA.base
          ? residentB.base
          : s.base === residentB.base
            ? residentA.base
            : s.base;
      tabs.push({ email: s.email, tab: new LiveTab(s.base, cookies.get(s.email)!) });
      tabs.push({ email: s.email, tab: new LiveTab(other, cookies.get(s.email)!) });
    }
    await Promise.all(tabs.map(({ tab }) => tab.open()));

    const perSender = 40;
    const sentIds: number[] = [];
    const send = async (sender: (typeof senders)[number], n: number) => {
      const { data } = await callApi<{ id: number }>(
        sender.base,
        "conversations.send",
        { conversationId, clientId: randomUUID(), body: `Load ${sender.email} #${n}` },
        cookies.get(sender.email),
      );
      sentIds.push(data.id);
    };
    const burst = async (from: number, to: number) => {
      const calls: Promise<void>[] = [];
      for (const sender of senders) for (let n = from; n < to; n++) calls.push(send(sender, n));
      await Promise.all(calls);
    };

    // 60 concurrent sends (the API pool has 10 connections), then reconnects mid-burst.
    await burst(0, 20);
    const reconnecting = Promise.all(
      tabs.filter((_, i) => i % 2 === 0).map(({ tab }) => tab.reconnect()),
    );
    await burst(20, 30);
    await reconnecting;
    // Kill both processes' LISTEN connections; sends go on while they reconnect.
    const killed = await sql<{ n: number }>`
      select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
      where application_name = 'hearth-live' and datname = current_database()`.execute(t.db);
    expect(killed.rows[0]?.n).toBe(3);
    await burst(30, perSender);

    const expected = await t.db
      .selectFrom("messages")
      .select("id")
      .where("conversation_id", "=", conversationId)
      .where("body", "like", "Load %")
      .orderBy("id")
      .execute();
    expect(expected.map((m) => m.id).sort((a, b) => a - b)).toEqual(
      [...sentIds].sort((a, b) => a - b),
    );
    expect(expected).toHaveLength(senders.length * perSender);
    const wanted = new Set(expected.map((m) => m.id));

    await waitFor(
      () =>
        tabs.every(
          ({ tab }) =>
            tab.createdIds(conversationId).filter((id) => wanted.has(id)).length >= wanted.size,
        ),
      20_000,
      "every tab to receive every message",
    );
    await new Promise((r) => setTimeout(r, 300));
    for (const { email, tab } of tabs) {
      const seen = tab.createdIds(conversationId).filter((id) => wanted.has(id));
      expect(seen, `${email}: each message once`).toHaveLength(wanted.size);
      expect(new Set(seen).size).toBe(wanted.size);
      // Within a conversation, events arrive in commit order: message ids were taken under the
      // conversation's lock, so they rise with it.
      expect(seen, `${email}: in commit order`).toEqual([...seen].sort((a, b) => a - b));
    }
    await Promise.all(tabs.map(({ tab }) => tab.close()));
  }, 90_000);
});
