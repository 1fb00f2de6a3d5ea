import { randomUUID } from "node:crypto";
import { type InboxChannel, sql, type UserKind } from "@hearth/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addParticipants, lockConversation } from "../src/data/conversations";
import { channelOf } from "../src/messaging/channels";
import { createHarness, type Harness } from "./harness";
import { draft, outcome } from "./helpers";

/**
 * The inbox counters on each participant row (migration 0004) against a recount from the
 * messages table, after every kind of write: sends by others and by oneself, reads, deletes of
 * read and unread messages, high priority, archive, people added later, broadcasts, and many
 * concurrent writes on a pool of 5 connections.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

interface Drift {
  conversation_id: string;
  user_id: string;
  stored: string;
  recounted: string;
}

/** Every participant row whose stored facts differ from a recount; empty when all agree. */
async function drift(): Promise<Drift[]> {
  const { rows } = await sql<Drift>`
    select p.conversation_id, p.user_id,
      concat_ws(' ', p.unread_count, p.unread_high_count, p.high_count, p.last_message_at) as stored,
      concat_ws(' ', truth.unread, truth.unread_high, truth.high, c.last_message_at) as recounted
    from conversation_participants p
    join conversations c on c.id = p.conversation_id
    cross join lateral (
      select
        count(*) filter (where m.id > p.last_read_message_id
          and (m.sender_id is null or m.sender_id <> p.user_id)) as unread,
        count(*) filter (where m.id > p.last_read_message_id
          and (m.sender_id is null or m.sender_id <> p.user_id) and m.priority = 'high') as unread_high,
        count(*) filter (where m.priority = 'high') as high
      from messages m
      where m.conversation_id = p.conversation_id and m.deleted_at is null
        and m.sent_at is not null) truth
    where (p.unread_count, p.unread_high_count, p.high_count, p.last_message_at)
      is distinct from (truth.unread::int, truth.unread_high::int, truth.high::int, c.last_message_at)`.execute(
    h.t.db,
  );
  return rows;
}

/** Rows whose stored channel is not what `channelOf` (the TypeScript rule) says. */
async function channelDrift() {
  const rows = await h.t.db
    .selectFrom("conversation_participants as p")
    .innerJoin("conversations as c", "c.id", "p.conversation_id")
    .select([
      "p.conversation_id",
      "p.user_id",
      "p.channel",
      "c.kind",
      sql<UserKind[]>`array(select u.kind from conversation_participants o
        join users u on u.id = o.user_id
        where o.conversation_id = p.conversation_id and o.user_id <> p.user_id)`.as("otherKinds"),
    ])
    .execute();
  return rows
    .map((r) => ({ ...r, expected: channelOf(r.kind, r.otherKinds) as InboxChannel }))
    .filter((r) => r.channel !== r.expected);
}

async function directWithRiley(): Promise<string> {
  const owner = await h.as("owner@standard.demo");
  const { rows } = await owner.conversations.list({ limit: 100 });
  return rows.find((r) => r.kind === "direct" && r.others.some((o) => o.name === "Riley Chen"))!.id;
}

async function rowOf(email: string, conversationId: string, archived = false) {
  const caller = await h.as(email);
  const { rows } = await caller.conversations.list({ archived, limit: 100 });
  return rows.find((r) => r.id === conversationId);
}

async function newest(conversationId: string): Promise<number> {
  const row = await h.t.db
    .selectFrom("messages")
    .select(sql<number>`max(id)`.as("id"))
    .where("conversation_id", "=", conversationId)
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

describe("inbox counters", () => {
  it("the demo data starts consistent: counters and channels match a recount", async () => {
    expect(await drift()).toEqual([]);
    expect(await channelDrift()).toEqual([]);
  });

  it("count sends by others, not one's own; high priority counts separately", async () => {
    const id = await directWithRiley();
    const owner = await h.as("owner@standard.demo");
    const resident = await h.as("resident@standard.demo");
    await resident.conversations.markRead({ id, upToMessageId: await newest(id) });
    const badge = await resident.conversations.unreadTotal();

    await owner.conversations.send({ conversationId: id, ...draft("Water off at noon") });
    await owner.conversations.send({
      conversationId: id,
      ...draft("Gas leak reported", { priority: "high" }),
    });
    expect(await rowOf("resident@standard.demo", id)).toMatchObject({
      unread: 2,
      unreadHigh: 1,
      hasHigh: true,
    });
    expect(await rowOf("owner@standard.demo", id)).toMatchObject({ unread: 0, unreadHigh: 0 });
    expect(await resident.conversations.unreadTotal()).toBe(badge + 2);

    // Replying reads everything before the reply.
    await resident.conversations.send({ conversationId: id, ...draft("On it") });
    expect(await rowOf("resident@standard.demo", id)).toMatchObject({ unread: 0, unreadHigh: 0 });
    expect(await rowOf("owner@standard.demo", id)).toMatchObject({ unread: 1 });
    expect(await resident.conversations.unreadTotal()).toBe(badge);
    expect(await drift()).toEqual([]);
  });

  it("recount on read: part of the thread, then all of it", async () => {
    const id = await directWithRiley();
    const owner = await h.as("owner@standard.demo");
    const resident = await h.as("resident@standard.demo");
    const a = await owner.conversations.send({ conversationId: id, ...draft("one") });
    await owner.conversations.send({ conversationId: id, ...draft("two", { priority: "high" }) });
    await owner.conversations.send({ conversationId: id, ...draft("three") });
    await resident.conversations.markRead({ id, upToMessageId: a.id });
    expect(await rowOf("resident@standard.demo", id)).toMatchObject({ unread: 2, unreadHigh: 1 });
    expect(await drift()).toEqual([]);
    await resident.conversations.markRead({ id, upToMessageId: await newest(id) });
    expect(await rowOf("resident@standard.demo", id)).toMatchObject({
      unread: 0,
      unreadHigh: 0,
      hasHigh: true,
    });
    expect(await drift()).toEqual([]);
  });

  it("a delete takes back what was unread, leaves what was read, and the high-priority mark", async () => {
    const id = await directWithRiley();
    const owner = await h.as("owner@standard.demo");
    const resident = await h.as("resident@standard.demo");
    // Only this test's high message remains high in the thread once the earlier ones go.
    await h.t.db
      .updateTable("messages")
      .set({ deleted_at: new Date() })
      .where("conversation_id", "=", id)
      .where("priority", "=", "high")
      .execute();
    await sql`select inbox_refresh(${id}::uuid)`.execute(h.t.db);
    const read = await owner.conversations.send({ conversationId: id, ...draft("read one") });
    await resident.conversations.markRead({ id, upToMessageId: read.id });
    const unread = await owner.conversations.send({
      conversationId: id,
      ...draft("unread one", { priority: "high" }),
    });
    expect(await rowOf("resident@standard.demo", id)).toMatchObject({
      unread: 1,
      unreadHigh: 1,
      hasHigh: true,
    });

    await owner.conversations.delete({ messageId: read.id });
    expect(await rowOf("resident@standard.demo", id)).toMatchObject({ unread: 1, unreadHigh: 1 });
    expect(await drift()).toEqual([]);

    // Concurrent deletes of one message take it out once.
    const tabs = await Promise.all(Array.from({ length: 8 }, () => h.as("owner@standard.demo")));
    const outcomes = await Promise.all(
      tabs.map((tab) => outcome(() => tab.conversations.delete({ messageId: unread.id }))),
    );
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(await rowOf("resident@standard.demo", id)).toMatchObject({
      unread: 0,
      unreadHigh: 0,
      hasHigh: false,
    });
    const high = await resident.conversations.list({ archived: false, priority: "high" });
    expect(high.rows.some((r) => r.id === id)).toBe(false);
    expect(await drift()).toEqual([]);
  });

  it("the archive keeps counts out of the badge until a new message brings it back", async () => {
    const id = await directWithRiley();
    const owner = await h.as("owner@standard.demo");
    const resident = await h.as("resident@standard.demo");
    await owner.conversations.send({ conversationId: id, ...draft("before archive") });
    const withIt = await resident.conversations.unreadTotal();
    await resident.conversations.archive({ id, archived: true });
    expect(await rowOf("resident@standard.demo", id)).toBeUndefined();
    expect(await rowOf("resident@standard.demo", id, true)).toMatchObject({ unread: 1 });
    expect(await resident.conversations.unreadTotal()).toBe(withIt - 1);

    await owner.conversations.send({ conversationId: id, ...draft("after archive") });
    expect(await rowOf("resident@standard.demo", id)).toMatchObject({ unread: 2 });
    expect(await resident.conversations.unreadTotal()).toBe(withIt + 1);
    await resident.conversations.archive({ id, archived: false });
    expect(await drift()).toEqual([]);
  });

  it("hold under more concurrent sends, reads and deletes than the pool has connections", async () => {
    const id = await directWithRiley();
    const owners = await Promise.all(Array.from({ length: 6 }, () => h.as("owner@standard.demo")));
    const residents = await Promise.all(
      Array.from({ length: 6 }, () => h.as("resident@standard.demo")),
    );
    const doomed = await Promise.all(
      owners.map((o, i) =>
        o.conversations.send({ conversationId: id, ...draft(`to delete ${i}`) }),
      ),
    );
    const sends = Array.from({ length: 40 }, (_, i) => {
      const caller = (i % 2 === 0 ? owners : residents)[i % 6]!;
      return caller.conversations.send({
        conversationId: id,
        // Only managers may mark high priority: every seventh of the owner's.
        ...draft(`burst ${i}`, { priority: i % 14 === 0 ? "high" : "normal" }),
      });
    });
    const reads = residents.map(async (r) =>
      r.conversations.markRead({ id, upToMessageId: await newest(id) }),
    );
    const deletes = doomed.map((d, i) => owners[i]!.conversations.delete({ messageId: d.id }));
    const results = await Promise.allSettled([...sends, ...reads, ...deletes]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await drift()).toEqual([]);
    const badge = await residents[0]!.conversations.unreadTotal();
    const stored = await h.t.db
      .selectFrom("conversation_participants")
      .select(sql<number>`coalesce(sum(unread_count), 0)::int`.as("n"))
      .where("user_id", "=", await h.userId("resident@standard.demo"))
      .where("archived_at", "is", null)
      .executeTakeFirstOrThrow();
    expect(badge).toBe(stored.n);
  });

  it("someone added to a conversation with history starts with its messages unread", async () => {
    const id = await directWithRiley();
    const team = await h.userId("team@standard.demo");
    const org = await h.t.db
      .selectFrom("conversations")
      .select("organization_id")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    await h.t.db.transaction().execute(async (trx) => {
      await lockConversation(trx, id);
      await addParticipants(trx, org.organization_id, id, [team]);
    });
    const visible = await h.t.db
      .selectFrom("messages")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("conversation_id", "=", id)
      .where("deleted_at", "is", null)
      .executeTakeFirstOrThrow();
    expect(await rowOf("team@standard.demo", id)).toMatchObject({ unread: visible.n });
    expect(await drift()).toEqual([]);
    expect(await channelDrift()).toEqual([]);
  });

  it("starts and broadcasts fill in counters and the channel of every new row", async () => {
    const owner = await h.as("owner@connected.demo");
    const pro = await h.userId("pro@connected.demo");
    const started = await owner.conversations.start({
      target: { kind: "direct", recipientId: pro },
      message: draft("Can you look at unit 101's boiler?"),
    });
    expect(await rowOf("owner@connected.demo", started.conversationId)).toMatchObject({
      channel: "service_pros",
      unread: 0,
    });
    expect(await rowOf("pro@connected.demo", started.conversationId)).toMatchObject({
      channel: "team",
      unread: 1,
    });
    const space = await h.as("owner@coworking.demo");
    const sent = await space.broadcasts.send({
      audience: { type: "all" },
      clientId: randomUUID(),
      body: "Lobby painting on Tuesday.",
      type: "general",
    });
    expect(await rowOf("roommate@coworking.demo", sent.conversationId)).toMatchObject({
      channel: "announcements",
      unread: 1,
      hasHigh: false,
    });
    expect(await drift()).toEqual([]);
    expect(await channelDrift()).toEqual([]);
  });
});

describe("inbox pages", () => {
  it("walk every conversation once, in order, for each view", async () => {
    const owner = await h.as("owner@standard.demo");
    for (const view of [
      { archived: false },
      { archived: false, priority: "high" as const },
      { archived: false, channel: "tenants" as const },
      { archived: true },
    ]) {
      const all = await owner.conversations.list({ ...view, limit: 100 });
      expect(all.nextCursor).toBeNull();
      const walked: string[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 50; i += 1) {
        const page: Awaited<ReturnType<typeof owner.conversations.list>> =
          await owner.conversations.list({ ...view, limit: 2, cursor });
        walked.push(...page.rows.map((r) => r.id));
        expect(page.channelSummary === null).toBe(cursor !== null);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      expect(walked, JSON.stringify(view)).toEqual(all.rows.map((r) => r.id));
    }
  });

  it("refuse a cursor that is not one", async () => {
    const owner = await h.as("owner@standard.demo");
    const uuid = "6f1c2a9e-0b7d-4e55-9d0a-3c2b1a0f9e8d";
    for (const cursor of [
      "yesterday",
      `2025-02-30T10:00:00.123456Z_${uuid}`,
      `2025-01-01T25:00:00.123456Z_${uuid}`,
      "2025-01-01T10:00:00.123456Z_------------------------------------",
    ])
      expect(await outcome(() => owner.conversations.list({ cursor })), cursor).toBe("BAD_REQUEST");
    const fine = await owner.conversations.list({ cursor: `2025-01-01T10:00:00.123456Z_${uuid}` });
    expect(fine.rows.every((r) => r.lastMessageAt < new Date("2025-01-01T10:00:01Z"))).toBe(true);
  });

  it("carry each channel's unread count on the first page", async () => {
    const owner = await h.as("owner@standard.demo");
    const first = await owner.conversations.list({ limit: 100 });
    const byChannel = new Map<string, number>();
    for (const row of first.rows)
      byChannel.set(row.channel, (byChannel.get(row.channel) ?? 0) + row.unread);
    for (const entry of first.channelSummary ?? []) {
      expect(entry.unread, entry.channel).toBe(byChannel.get(entry.channel) ?? 0);
      expect(entry.present, entry.channel).toBe(byChannel.has(entry.channel));
    }
    expect(await owner.conversations.unreadTotal()).toBe(
      first.rows.reduce((sum, r) => sum + r.unread, 0),
    );
  });
});
