import { randomUUID } from "node:crypto";
import { sql } from "@hearth/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, rowCounts } from "./harness";
import { draft, outcome, refusalOf } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** The owner's direct conversation with the standard profile's resident, Riley. */
async function rileysThread(slug = "standard"): Promise<string> {
  const owner = await h.as(`owner@${slug}.demo`);
  const { rows } = await owner.conversations.list();
  const direct = rows.find(
    (row) => row.kind === "direct" && row.others.some((o) => o.name === "Riley Chen"),
  );
  if (!direct) throw new Error(`owner@${slug}.demo has no direct chat with Riley`);
  return direct.id;
}

async function teamIds(email: string, team: "mine" | "unassigned" | "all" | "closed") {
  const { rows } = await (await h.as(email)).conversations.list({ team });
  return rows.map((row) => row.id);
}

const note = (body: string) => ({ clientId: randomUUID(), body });

describe("the shared team inbox", () => {
  it("shows a sub-user every conversation with the management, not team chats or members' own", async () => {
    // Coworking's demo has an announcement and the members' own chat (Riley and Sam, no
    // manager): neither is the team's.
    const coworking = await (await h.as("team@coworking.demo")).conversations.list({ team: "all" });
    expect(coworking.rows).toEqual([]);

    const all = await (await h.as("team@standard.demo")).conversations.list({ team: "all" });
    expect(all.rows.length).toBeGreaterThan(0);
    for (const row of all.rows) expect(["direct", "unit_group", "maintenance"]).toContain(row.kind);
    expect(all.rows.map((row) => row.displayTitle)).not.toContain("Team");
    expect(all.channelSummary).toBeNull();

    const conversationId = await rileysThread();
    expect(await teamIds("team@standard.demo", "all")).toContain(conversationId);
    expect(await teamIds("team@standard.demo", "unassigned")).toContain(conversationId);
    expect(await teamIds("team@standard.demo", "mine")).not.toContain(conversationId);
  });

  it("opening a thread from it joins the sub-user as a watcher the resident never sees", async () => {
    const conversationId = await rileysThread();
    const taylor = await h.as("team@standard.demo");
    const opened = await taylor.conversations.get({ id: conversationId });
    expect(opened.team).toMatchObject({ assigneeId: null, closedAt: null });
    const page = await taylor.conversations.messages({ id: conversationId });
    expect(page.messages.length).toBeGreaterThan(0);
    // Opening again (and at once, twice) joins once.
    await Promise.all([
      taylor.conversations.get({ id: conversationId }),
      taylor.conversations.messages({ id: conversationId }),
    ]);
    const rows = await h.t.db
      .selectFrom("conversation_participants")
      .select(["watching", "unread_count"])
      .where("conversation_id", "=", conversationId)
      .where("user_id", "=", await h.userId("team@standard.demo"))
      .execute();
    expect(rows).toEqual([{ watching: true, unread_count: 0 }]);

    // For the owner it is still a chat with Riley: the details panel is about its parties.
    const ownerView = await (await h.as("owner@standard.demo")).conversations.get({
      id: conversationId,
    });
    expect(ownerView.details?.map((person) => person.name)).toEqual(["Riley Chen"]);

    const riley = await h.as("resident@standard.demo");
    const seen = await riley.conversations.get({ id: conversationId });
    expect(seen.participants.map((p) => p.name)).not.toContain("Taylor Brooks");
    expect(seen.team).toBeNull();
    const listed = (await riley.conversations.list()).rows.find((r) => r.id === conversationId);
    expect(listed?.displayTitle).toBe("Morgan Reyes");
    expect(listed?.assigneeId).toBeNull();

    // Once Taylor writes, she is an ordinary participant: Riley sees who answered.
    await taylor.conversations.send({ conversationId, ...draft("Taylor here, I'll check.") });
    const after = await riley.conversations.get({ id: conversationId });
    expect(after.participants.map((p) => p.name)).toContain("Taylor Brooks");
  });

  it("assigning notifies the assignee once, moves it to Mine, and is the team's business only", async () => {
    const conversationId = await rileysThread();
    const owner = await h.as("owner@standard.demo");
    const taylorId = await h.userId("team@standard.demo");
    const first = await owner.team.assign({ id: conversationId, assigneeId: taylorId });
    expect(first).toMatchObject({ changed: true, assigneeName: "Taylor Brooks" });
    const again = await owner.team.assign({ id: conversationId, assigneeId: taylorId });
    expect(again.changed).toBe(false);

    const notifications = await h.t.db
      .selectFrom("notifications")
      .select(["kind", "payload"])
      .where("user_id", "=", taylorId)
      .where("conversation_id", "=", conversationId)
      .where("kind", "=", "assignment")
      .execute();
    expect(notifications).toHaveLength(1);
    const feed = await (await h.as("team@standard.demo")).notifications.feed();
    const item = feed.items.find((i) => i.conversationId === conversationId && i.notificationId);
    expect(item?.excerpt).toContain("Morgan Reyes assigned this conversation to you.");

    expect(await teamIds("team@standard.demo", "mine")).toContain(conversationId);
    expect(await teamIds("team@standard.demo", "unassigned")).not.toContain(conversationId);
    expect((await owner.conversations.get({ id: conversationId })).team?.assigneeName).toBe(
      "Taylor Brooks",
    );
    const audit = await h.t.db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("target_id", "=", conversationId)
      .where("action", "=", "conversation.assign")
      .execute();
    expect(audit).toEqual([{ action: "conversation.assign", after: { assigneeId: taylorId } }]);

    // Unassigning puts it back in Unassigned.
    await owner.team.assign({ id: conversationId, assigneeId: null });
    expect(await teamIds("team@standard.demo", "unassigned")).toContain(conversationId);
  });

  it("sixteen assignments at once: every change is audited once and the last one stands", async () => {
    const conversationId = await rileysThread();
    const owner = await h.as("owner@standard.demo");
    const taylor = await h.as("team@standard.demo");
    const people = [await h.userId("owner@standard.demo"), await h.userId("team@standard.demo")];
    const auditCount = async () =>
      (
        await h.t.db
          .selectFrom("audit_log")
          .select("id")
          .where("target_id", "=", conversationId)
          .where("action", "=", "conversation.assign")
          .execute()
      ).length;
    const before = await auditCount();
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        (i % 2 ? owner : taylor).team.assign({
          id: conversationId,
          assigneeId: people[Math.floor(i / 2) % 2] ?? null,
        }),
      ),
    );
    const changes = results.filter((r) => r.changed).length;
    expect(changes).toBeGreaterThan(0);
    expect((await auditCount()) - before).toBe(changes);
    const last = await h.t.db
      .selectFrom("audit_log")
      .select("after")
      .where("target_id", "=", conversationId)
      .where("action", "=", "conversation.assign")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const stored = await h.t.db
      .selectFrom("conversations")
      .select("assignee_id")
      .where("id", "=", conversationId)
      .executeTakeFirstOrThrow();
    expect(last.after).toEqual({ assigneeId: stored.assignee_id });
  });

  it("refuses assignees who are not the organization's managers able to chat, changing nothing", async () => {
    const conversationId = await rileysThread();
    const owner = await h.as("owner@standard.demo");
    const before = await rowCounts(h, { notifications: "notifications", audit: "audit_log" });
    const resident = await refusalOf(async () =>
      owner.team.assign({
        id: conversationId,
        assigneeId: await h.userId("resident@standard.demo"),
      }),
    );
    expect(resident.code).toBe("assignee_not_manager");
    const elsewhere = await outcome(async () =>
      owner.team.assign({
        id: conversationId,
        assigneeId: await h.userId("team@connected.demo"),
      }),
    );
    expect(elsewhere).toBe("BAD_REQUEST");
    const landlordThread = await rileysThread("landlord-led");
    const landlord = await h.as("owner@landlord-led.demo");
    const noChat = await refusalOf(async () =>
      landlord.team.assign({
        id: landlordThread,
        assigneeId: await h.userId("team@landlord-led.demo"),
      }),
    );
    expect(noChat.code).toBe("assignee_without_chat");
    expect(await rowCounts(h, { notifications: "notifications", audit: "audit_log" })).toEqual(
      before,
    );
  });

  it("landlord-led sub-users have no team inbox (seed 004) and can't open the owner's chats", async () => {
    const sub = await h.as("team@landlord-led.demo");
    const refusal = await refusalOf(() => sub.conversations.list({ team: "all" }));
    expect(refusal.code).toBe("sub_user_chat_disabled");
    const conversationId = await rileysThread("landlord-led");
    expect(await outcome(() => sub.conversations.get({ id: conversationId }))).toBe("NOT_FOUND");
    expect(await outcome(() => sub.team.notes({ id: conversationId }))).toBe("NOT_FOUND");
  });

  it("another organization's conversation is not found for every team action", async () => {
    const conversationId = await rileysThread("connected");
    const taylor = await h.as("team@standard.demo");
    const taylorId = await h.userId("team@standard.demo");
    for (const attempt of [
      () => taylor.conversations.get({ id: conversationId }),
      () => taylor.team.assign({ id: conversationId, assigneeId: taylorId }),
      () => taylor.team.setClosed({ id: conversationId, closed: true }),
      () => taylor.team.notes({ id: conversationId }),
      () => taylor.team.addNote({ conversationId, ...note("Not ours") }),
    ])
      expect(await outcome(attempt)).toBe("NOT_FOUND");
  });

  it("residents can't assign, close, read or write notes", async () => {
    const conversationId = await rileysThread();
    const riley = await h.as("resident@standard.demo");
    const rileyId = await h.userId("resident@standard.demo");
    for (const attempt of [
      () => riley.team.assign({ id: conversationId, assigneeId: rileyId }),
      () => riley.team.setClosed({ id: conversationId, closed: true }),
      () => riley.team.notes({ id: conversationId }),
      () => riley.team.addNote({ conversationId, ...note("Let me in") }),
      () => riley.conversations.list({ team: "all" }),
      () => riley.team.assignees(),
    ])
      expect(await outcome(attempt)).toBe("FORBIDDEN:team_inbox_managers_only");
  });
});

describe("internal notes", () => {
  it("the team sees them; the resident's thread, inbox, search, counters and notifications never do", async () => {
    const conversationId = await rileysThread();
    const taylor = await h.as("team@standard.demo");
    const riley = await h.as("resident@standard.demo");
    const secret = `Riley paid late twice, be gentle ${randomUUID().slice(0, 8)}`;
    const rileyBefore = await riley.conversations.list();
    const unreadBefore = await riley.conversations.unreadTotal();
    const notificationsBefore = await rowCounts(h, { n: "notifications", m: "messages" });

    const draftNote = note(secret);
    const written = await taylor.team.addNote({ conversationId, ...draftNote });
    // A retry of the same note writes nothing more.
    const retried = await taylor.team.addNote({ conversationId, ...draftNote });
    expect(retried).toEqual({ id: written.id, created: false });

    const notes = await (await h.as("owner@standard.demo")).team.notes({ id: conversationId });
    expect(notes.filter((n) => n.body === secret)).toHaveLength(1);
    expect(notes.at(-1)).toMatchObject({ authorName: "Taylor Brooks", body: secret });

    const thread = await riley.conversations.messages({ id: conversationId, limit: 100 });
    expect(JSON.stringify(thread)).not.toContain("be gentle");
    const { hits } = await riley.search.messages({ q: "gentle" });
    expect(hits).toEqual([]);
    const inbox = await riley.conversations.list();
    expect(JSON.stringify(inbox)).not.toContain("be gentle");
    expect(inbox.rows.find((r) => r.id === conversationId)?.lastBody).toBe(
      rileyBefore.rows.find((r) => r.id === conversationId)?.lastBody,
    );
    expect(await riley.conversations.unreadTotal()).toBe(unreadBefore);
    expect(await rowCounts(h, { n: "notifications", m: "messages" })).toEqual(notificationsBefore);
    const rileyId = await h.userId("resident@standard.demo");
    const events = await h.t.db
      .selectFrom("live_events")
      .select("payload")
      .where("conversation_id", "=", conversationId)
      .where(sql<boolean>`recipients @> array[${rileyId}]::uuid[]`)
      .execute();
    expect(events.some((e) => (e.payload as { type: string }).type === "team")).toBe(false);
  });

  it("bad input is refused with the field and writes nothing", async () => {
    const conversationId = await rileysThread();
    const taylor = await h.as("team@standard.demo");
    const before = await rowCounts(h, { notes: "conversation_notes" });
    expect(await outcome(() => taylor.team.addNote({ conversationId, ...note("   ") }))).toBe(
      "BAD_REQUEST",
    );
    expect(
      await outcome(() => taylor.team.addNote({ conversationId, clientId: "x", body: "Hi" })),
    ).toBe("BAD_REQUEST");
    expect(await rowCounts(h, { notes: "conversation_notes" })).toEqual(before);
  });

  it("twelve notes at once, some retried, on a small pool: each written exactly once", async () => {
    const conversationId = await rileysThread();
    const people = ["owner@standard.demo", "team@standard.demo"];
    const drafts = Array.from({ length: 12 }, (_, i) => note(`Concurrent note ${i}`));
    const before = await rowCounts(h, { notes: "conversation_notes" });
    await Promise.all(
      drafts.flatMap((d, i) => {
        const email = people[i % 2]!;
        const send = async () => (await h.as(email)).team.addNote({ conversationId, ...d });
        return [send(), send()];
      }),
    );
    expect(await rowCounts(h, { notes: "conversation_notes" })).toEqual({
      notes: before.notes + 12,
    });
  });
});

describe("closing and reopening", () => {
  it("a closed conversation leaves the open views; the resident's next message reopens it", async () => {
    const conversationId = await rileysThread();
    const taylor = await h.as("team@standard.demo");
    expect((await taylor.team.setClosed({ id: conversationId, closed: true })).changed).toBe(true);
    expect((await taylor.team.setClosed({ id: conversationId, closed: true })).changed).toBe(false);
    expect(await teamIds("team@standard.demo", "all")).not.toContain(conversationId);
    expect(await teamIds("team@standard.demo", "closed")).toContain(conversationId);
    const closed = await taylor.conversations.get({ id: conversationId });
    expect(closed.team?.closedByName).toBe("Taylor Brooks");

    const riley = await h.as("resident@standard.demo");
    await riley.conversations.send({ conversationId, ...draft("One more thing about the light") });
    expect(await teamIds("team@standard.demo", "all")).toContain(conversationId);
    expect(await teamIds("team@standard.demo", "closed")).not.toContain(conversationId);

    await taylor.team.setClosed({ id: conversationId, closed: true });
    expect((await taylor.team.setClosed({ id: conversationId, closed: false })).changed).toBe(true);
    expect(await teamIds("team@standard.demo", "all")).toContain(conversationId);
  });
});

describe("who is viewing or typing", () => {
  it("viewing goes to the other managers only; typing also to residents where receipts are shown", async () => {
    const conversationId = await rileysThread();
    const owner = await h.as("owner@standard.demo");
    const presenceEvents = async () =>
      h.t.db
        .selectFrom("live_events")
        .select(["recipients", "payload"])
        .where("conversation_id", "=", conversationId)
        .where(({ eb, ref }) => eb(ref("payload", "->>").key("type"), "=", "presence"))
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirstOrThrow();
    const rileyId = await h.userId("resident@standard.demo");
    const taylorId = await h.userId("team@standard.demo");

    await owner.team.presence({ id: conversationId, state: "viewing" });
    const viewing = await presenceEvents();
    expect(viewing.recipients).toContain(taylorId);
    expect(viewing.recipients).not.toContain(rileyId);
    expect(viewing.payload).toMatchObject({ state: "viewing", name: "Morgan Reyes" });
    // A repeat within seconds adds nothing to the log every tab reads.
    expect(await owner.team.presence({ id: conversationId, state: "viewing" })).toEqual({
      told: 0,
    });

    // The standard profile shows residents no read receipts, so no typing either.
    await owner.team.presence({ id: conversationId, state: "typing" });
    expect((await presenceEvents()).recipients).not.toContain(rileyId);
    const riley = await h.as("resident@standard.demo");
    await riley.team.presence({ id: conversationId, state: "typing" });
    const typing = await presenceEvents();
    expect(typing.payload).toMatchObject({ state: "typing", name: "Riley Chen" });
    expect(typing.recipients).toContain(await h.userId("owner@standard.demo"));
  });
});
