import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";
import { draft, outcome } from "./helpers";

let h: Harness;
let owner: Awaited<ReturnType<Harness["as"]>>;
let conversationId: string;
/** Ids of the conversation's messages, oldest first. */
const sent: number[] = [];
let elsewhere: number;

beforeAll(async () => {
  h = await createHarness();
  owner = await h.as("owner@standard.demo");
  const started = await owner.conversations.start({
    target: { kind: "direct", recipientId: await h.userId("roommate@standard.demo") },
    message: draft("message 0"),
  });
  conversationId = started.conversationId;
  const first = await owner.conversations.messages({ id: conversationId });
  sent.push(first.messages[0]!.id);
  const other = (await owner.conversations.list()).rows.find((r) => r.id !== conversationId)!;
  for (let i = 1; i < 560; i++) {
    const message = await owner.conversations.send({ conversationId, ...draft(`message ${i}`) });
    sent.push(message.id);
    // Another conversation's messages between, so this thread's ids are not consecutive.
    if (i % 50 === 0) {
      elsewhere = (await owner.conversations.send({ conversationId: other.id, ...draft("aside") }))
        .id;
    }
  }
}, 120_000);
afterAll(() => h.close());

const bodyOf = (m: { body: string | null }) => m.body;

describe("opening a thread at a message (a search hit)", () => {
  it("returns the page holding a message 500 back, with context before it and newer after", async () => {
    const target = sent[59]!;
    const page = await owner.conversations.messages({ id: conversationId, around: target });
    expect(page.messages).toHaveLength(30);
    expect(page.messages.map(bodyOf)).toEqual(
      Array.from({ length: 30 }, (_, i) => `message ${49 + i}`),
    );
    expect(page.messages.find((m) => m.id === target)?.body).toBe("message 59");
    expect(page.olderCursor).toBe(sent[49]);
    expect(page.newerCursor).toBe(sent[78]);
  });

  it("reads on both ways from there: every message once, in order, up to the newest", async () => {
    const target = sent[59]!;
    const first = await owner.conversations.messages({ id: conversationId, around: target });
    const older: string[] = [];
    let cursor = first.olderCursor;
    while (cursor !== null) {
      // The thread's infinite query sends `around` with every page; `cursor` wins.
      const page = await owner.conversations.messages({
        id: conversationId,
        around: target,
        cursor,
      });
      older.unshift(...page.messages.map((m) => m.body ?? ""));
      cursor = page.olderCursor;
    }
    const newer: string[] = [];
    let next = first.newerCursor;
    while (next !== null) {
      const page = await owner.conversations.messages({ id: conversationId, around: next });
      // Opening at the previous page's newest message repeats it and what came before it.
      newer.push(...page.messages.filter((m) => m.id > next!).map((m) => m.body ?? ""));
      next = page.newerCursor;
    }
    expect([...older, ...first.messages.map((m) => m.body ?? ""), ...newer]).toEqual(
      Array.from({ length: 560 }, (_, i) => `message ${i}`),
    );
  });

  it("ends at the newest message, without a newer cursor, when the message is recent", async () => {
    const page = await owner.conversations.messages({ id: conversationId, around: sent[555]! });
    expect(page.messages.map(bodyOf)).toEqual(
      Array.from({ length: 30 }, (_, i) => `message ${530 + i}`),
    );
    expect(page.newerCursor).toBeNull();
    expect(page.olderCursor).toBe(sent[530]);
    const newest = await owner.conversations.messages({ id: conversationId });
    expect(newest.newerCursor).toBeNull();
  });

  it("opens at the oldest message with no older cursor, the page filled with newer ones", async () => {
    const page = await owner.conversations.messages({
      id: conversationId,
      around: sent[0]!,
      limit: 6,
    });
    expect(page.messages.map(bodyOf)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `message ${i}`));
    expect(page.olderCursor).toBeNull();
    expect(page.newerCursor).toBe(sent[5]);
  });

  it("shows only this conversation's messages when the id is another conversation's", async () => {
    const page = await owner.conversations.messages({ id: conversationId, around: elsewhere });
    expect(page.messages.every((m) => sent.includes(m.id))).toBe(true);
    expect(page.messages.map((m) => m.id)).not.toContain(elsewhere);
  });

  it("keeps another participant's and another organization's threads closed", async () => {
    const neighbour = await h.as("resident@standard.demo");
    expect(
      await outcome(() =>
        neighbour.conversations.messages({ id: conversationId, around: sent[10]! }),
      ),
    ).toBe("NOT_FOUND");
    const foreign = await h.as("owner@connected.demo");
    expect(
      await outcome(() =>
        foreign.conversations.messages({ id: conversationId, around: sent[10]! }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("refuses an id that is not a message id as a bad request", async () => {
    for (const around of [0, -5, 1.5, Number.MAX_SAFE_INTEGER + 2]) {
      expect(
        await outcome(() => owner.conversations.messages({ id: conversationId, around })),
      ).toBe("BAD_REQUEST");
    }
    expect(
      await outcome(() =>
        owner.conversations.messages({
          id: conversationId,
          around: "12" as unknown as number,
        }),
      ),
    ).toBe("BAD_REQUEST");
  });
});
