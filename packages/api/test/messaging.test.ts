import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";
import { draft, outcome } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function directWithResident(slug: string) {
  const owner = await h.as(`owner@${slug}.demo`);
  const { rows } = await owner.conversations.list();
  return {
    owner,
    conversation: rows.find(
      (r) => r.kind === "direct" && r.others.some((o) => o.name === "Riley Chen"),
    )!,
  };
}

describe("sending", () => {
  it("is idempotent on the client id: a retry returns the first message and adds nothing", async () => {
    const { owner, conversation } = await directWithResident("standard");
    const message = draft("Your package is at the front desk.");
    const first = await owner.conversations.send({ conversationId: conversation.id, ...message });
    const retry = await owner.conversations.send({ conversationId: conversation.id, ...message });
    expect(retry).toEqual({ id: first.id, created: false });
    const page = await owner.conversations.messages({ id: conversation.id });
    expect(
      page.messages.filter((m) => m.body === "Your package is at the front desk."),
    ).toHaveLength(1);
  });

  it("refuses another conversation's and another organization's ids as not found, writing nothing", async () => {
    const roommate = await h.as("roommate@standard.demo");
    const { conversation } = await directWithResident("standard");
    expect(
      await outcome(() =>
        roommate.conversations.send({ conversationId: conversation.id, ...draft("Let me in") }),
      ),
    ).toBe("NOT_FOUND");
    expect(await outcome(() => roommate.conversations.messages({ id: conversation.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(() => roommate.conversations.get({ id: conversation.id }))).toBe(
      "NOT_FOUND",
    );
    const foreign = await directWithResident("connected");
    const { owner } = await directWithResident("standard");
    expect(
      await outcome(() =>
        owner.conversations.send({ conversationId: foreign.conversation.id, ...draft("Hi") }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await outcome(() =>
        owner.conversations.markRead({ id: foreign.conversation.id, upToMessageId: 1 }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await outcome(() =>
        owner.conversations.archive({ id: foreign.conversation.id, archived: true }),
      ),
    ).toBe("NOT_FOUND");
    const page = await foreign.owner.conversations.messages({ id: foreign.conversation.id });
    expect(page.messages.some((m) => m.body === "Hi")).toBe(false);
  });

  it("rejects an empty message with the field named", async () => {
    const { owner, conversation } = await directWithResident("standard");
    expect(
      await outcome(() =>
        owner.conversations.send({ conversationId: conversation.id, ...draft("   ") }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("connected: notifies a participant mentioned with @ (seed 001)", async () => {
    const owner = await h.as("owner@connected.demo");
    const { rows } = await owner.conversations.list();
    const group = rows.find((r) => r.kind === "unit_group")!;
    await owner.conversations.send({
      conversationId: group.id,
      ...draft("@Sam Patel could you check the meter?"),
    });
    const notes = await h.t.db
      .selectFrom("notifications")
      .select(["kind", "user_id"])
      .where("kind", "=", "mention")
      .execute();
    expect(notes).toEqual([
      { kind: "mention", user_id: await h.userId("roommate@connected.demo") },
    ]);
  });

  it("standard: marks high priority and filters by it (seed 000 Priority Marking)", async () => {
    const owner = await h.as("owner@standard.demo");
    const { rows } = await owner.conversations.list();
    const team = rows.find((r) => r.kind === "team")!;
    await owner.conversations.send({
      conversationId: team.id,
      ...draft("Boiler is down", { priority: "high" }),
    });
    const high = await owner.conversations.list({ archived: false, priority: "high" });
    expect(high.rows.map((r) => r.id)).toContain(team.id);
    expect(high.rows.every((r) => r.hasHigh)).toBe(true);
  });
});

describe("read state", () => {
  it("counts unread from the read pointer, clears it on read and shows who has seen a message", async () => {
    const resident = await h.as("resident@connected.demo");
    const { owner, conversation } = await directWithResident("connected");
    const sent = await owner.conversations.send({
      conversationId: conversation.id,
      ...draft("Inspection tomorrow at 10"),
    });
    const residentRow = (await resident.conversations.list()).rows.find(
      (r) => r.id === conversation.id,
    )!;
    expect(residentRow.unread).toBeGreaterThanOrEqual(1);
    await resident.conversations.markRead({ id: conversation.id, upToMessageId: sent.id });
    expect(
      (await resident.conversations.list()).rows.find((r) => r.id === conversation.id)!.unread,
    ).toBe(0);
    const page = await owner.conversations.messages({ id: conversation.id });
    expect(page.messages.find((m) => m.id === sent.id)?.seenBy).toEqual(["Riley Chen"]);
    // One "Seen by" for the thread: how far each other participant read, and when.
    const riley = page.readers?.find((reader) => reader.name === "Riley Chen");
    expect(riley?.lastRead).toBeGreaterThanOrEqual(sent.id);
    expect(riley?.readAt).toBeInstanceOf(Date);
    const { participants } = await owner.conversations.get({ id: conversation.id });
    expect(page.readers).toHaveLength(participants.length - 1);
  });

  it("never moves the read pointer backwards", async () => {
    const { owner, conversation } = await directWithResident("connected");
    const page = await owner.conversations.messages({ id: conversation.id });
    const newest = page.messages.at(-1)!.id;
    await owner.conversations.markRead({ id: conversation.id, upToMessageId: newest });
    expect(await owner.conversations.markRead({ id: conversation.id, upToMessageId: 1 })).toEqual({
      lastReadMessageId: 0,
    });
    const state = await h.t.db
      .selectFrom("conversation_participants")
      .select("last_read_message_id")
      .where("conversation_id", "=", conversation.id)
      .where("user_id", "=", await h.userId("owner@connected.demo"))
      .executeTakeFirstOrThrow();
    expect(state.last_read_message_id).toBe(newest);
  });

  it("archives per participant and a new message brings the conversation back", async () => {
    const { owner, conversation } = await directWithResident("standard");
    await owner.conversations.archive({ id: conversation.id, archived: true });
    expect((await owner.conversations.list()).rows.some((r) => r.id === conversation.id)).toBe(
      false,
    );
    expect(
      (await owner.conversations.list({ archived: true })).rows.some(
        (r) => r.id === conversation.id,
      ),
    ).toBe(true);
    const resident = await h.as("resident@standard.demo");
    expect((await resident.conversations.list()).rows.some((r) => r.id === conversation.id)).toBe(
      true,
    );
    await resident.conversations.send({
      conversationId: conversation.id,
      ...draft("Are you there?"),
    });
    expect((await owner.conversations.list()).rows.some((r) => r.id === conversation.id)).toBe(
      true,
    );
  });
});

describe("thread history", () => {
  it("pages backwards by keyset without gaps or repeats", async () => {
    const owner = await h.as("owner@standard.demo");
    const roommate = await h.userId("roommate@standard.demo");
    const started = await owner.conversations.start({
      target: { kind: "direct", recipientId: roommate },
      message: draft("message 0"),
    });
    for (let i = 1; i < 45; i++)
      await owner.conversations.send({
        conversationId: started.conversationId,
        ...draft(`message ${i}`),
      });
    const first = await owner.conversations.messages({ id: started.conversationId, limit: 20 });
    const second = await owner.conversations.messages({
      id: started.conversationId,
      limit: 20,
      cursor: first.olderCursor,
    });
    const third = await owner.conversations.messages({
      id: started.conversationId,
      limit: 20,
      cursor: second.olderCursor,
    });
    const bodies = [...third.messages, ...second.messages, ...first.messages].map((m) => m.body);
    expect(bodies).toEqual(Array.from({ length: 45 }, (_, i) => `message ${i}`));
    expect(third.olderCursor).toBeNull();
  });
});

describe("edit and delete", () => {
  it("keeps the earlier text when a message is edited or deleted, and shows it as such", async () => {
    const { owner, conversation } = await directWithResident("standard");
    const sent = await owner.conversations.send({
      conversationId: conversation.id,
      ...draft("Rent is due on the 3rd"),
    });
    await owner.conversations.edit({ messageId: sent.id, body: "Rent is due on the 1st" });
    let page = await owner.conversations.messages({ id: conversation.id });
    expect(page.messages.find((m) => m.id === sent.id)).toMatchObject({
      body: "Rent is due on the 1st",
      editedAt: expect.any(Date),
    });
    await owner.conversations.delete({ messageId: sent.id });
    page = await owner.conversations.messages({ id: conversation.id });
    expect(page.messages.find((m) => m.id === sent.id)).toMatchObject({
      body: null,
      deletedAt: expect.any(Date),
    });
    const revisions = await h.t.db
      .selectFrom("message_revisions")
      .select(["body", "action"])
      .where("message_id", "=", sent.id)
      .orderBy("id")
      .execute();
    expect(revisions).toEqual([
      { body: "Rent is due on the 3rd", action: "edit" },
      { body: "Rent is due on the 1st", action: "delete" },
    ]);
  });

  it("refuses editing someone else's message", async () => {
    const { conversation } = await directWithResident("standard");
    const owner = await h.as("owner@standard.demo");
    const page = await owner.conversations.messages({ id: conversation.id });
    const theirs = page.messages.find((m) => !m.mine && m.senderId)!;
    expect(
      await outcome(() => owner.conversations.edit({ messageId: theirs.id, body: "changed" })),
    ).toMatch(/^FORBIDDEN:/);
  });
});

describe("contacts", () => {
  it("finds people by name, unit or property, each with the policy's answer", async () => {
    const owner = await h.as("owner@landlord-led.demo");
    const byUnit = await owner.conversations.contacts({ search: "201" });
    const former = byUnit.contacts.find((c) => c.name === "Casey Moreno");
    expect(former?.decision).toMatchObject({ allowed: false, code: "lease_not_active" });
    const byName = await owner.conversations.contacts({ search: "riley" });
    expect(byName.contacts[0]).toMatchObject({ name: "Riley Chen", decision: { allowed: true } });
    const byProperty = await owner.conversations.contacts({ search: "Oakview" });
    expect(byProperty.units.map((u) => u.name)).toEqual(["101", "102", "103"]);
  });
});
