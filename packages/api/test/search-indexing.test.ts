import { loadMessageDocuments } from "@hearth/search";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addParticipants } from "../src/data/conversations";
import { drainOnce, withSyncLock } from "../src/search/indexer";
import { claimDueChanges, queueStats, retryDelayMs } from "../src/search/queue";
import { createMemorySearchIndex, type MemorySearchIndex } from "./fixtures/memory-search-index";
import { createHarness, type Harness } from "./harness";
import { draft } from "./helpers";

let h: Harness;
let index: MemorySearchIndex;
const fast = { batchSize: 500, claimMs: 300 };

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

beforeEach(async () => {
  index = createMemorySearchIndex();
  // Every message so far, then only the changes each test makes.
  await drainAll();
  const ids = await h.t.db.selectFrom("messages").select("id").execute();
  index.docs.clear();
  for (const doc of await loadMessageDocuments(
    h.t.db,
    ids.map((row) => Number(row.id)),
  )) {
    index.docs.set(doc.messageId, doc);
  }
});

/** Drains until the queue has nothing due. */
async function drainAll() {
  for (let i = 0; i < 1000; i++) {
    const result = await drainOnce(h.t.db, index, fast);
    if (result.state === "failed") throw new Error(result.error);
    if (result.state === "synced" && result.changes === 0) return;
  }
  throw new Error("the queue did not drain");
}

/** Every readable message's document, as the database says it should be indexed. */
async function expectedDocuments() {
  const ids = await h.t.db.selectFrom("messages").select("id").execute();
  return loadMessageDocuments(
    h.t.db,
    ids.map((row) => Number(row.id)),
  );
}

async function expectIndexInLine() {
  const expected = await expectedDocuments();
  expect([...index.docs.values()].sort((a, b) => a.messageId - b.messageId)).toEqual(expected);
}

async function ownerConversation() {
  const owner = await h.as("owner@standard.demo");
  const { rows } = await owner.conversations.list();
  const conversation = rows.find(
    (row) => row.kind === "direct" && row.others.some((other) => other.name === "Riley Chen"),
  );
  if (!conversation) throw new Error("no conversation with Riley Chen");
  return { owner, conversation };
}

describe("the search outbox", () => {
  it("queues a sent message in the send's own transaction, and the indexer indexes it", async () => {
    const { owner, conversation } = await ownerConversation();
    const sent = await owner.conversations.send({
      conversationId: conversation.id,
      ...draft("The gym reopens on Monday."),
    });
    const queued = await h.t.db
      .selectFrom("search_index_queue")
      .where("message_id", "=", sent.id)
      .select("id")
      .execute();
    expect(queued).toHaveLength(1);
    expect(index.docs.has(sent.id)).toBe(false);
    await drainAll();
    expect(index.docs.get(sent.id)?.body).toBe("The gym reopens on Monday.");
    expect((await queueStats(h.t.db)).pending).toBe(0);
  });

  it("queues nothing for a write that rolls back", async () => {
    const { conversation } = await ownerConversation();
    const before = (await queueStats(h.t.db)).pending;
    const ownerId = await h.userId("owner@standard.demo");
    await expect(
      h.t.db.transaction().execute(async (trx) => {
        await trx
          .insertInto("messages")
          .values({
            organization_id: (
              await trx
                .selectFrom("conversations")
                .where("id", "=", conversation.id)
                .select("organization_id")
                .executeTakeFirstOrThrow()
            ).organization_id,
            conversation_id: conversation.id,
            sender_id: ownerId,
            body: "never committed",
            sent_at: new Date(),
          })
          .execute();
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect((await queueStats(h.t.db)).pending).toBe(before);
  });

  it("follows edits and deletes", async () => {
    const { owner, conversation } = await ownerConversation();
    const sent = await owner.conversations.send({
      conversationId: conversation.id,
      ...draft("Pool closes at 8."),
    });
    await drainAll();
    await owner.conversations.edit({ messageId: sent.id, body: "Pool closes at 9." });
    await drainAll();
    expect(index.docs.get(sent.id)?.body).toBe("Pool closes at 9.");
    await owner.conversations.delete({ messageId: sent.id });
    await drainAll();
    expect(index.docs.has(sent.id)).toBe(false);
    await expectIndexInLine();
  });

  it("re-indexes a whole conversation when someone joins it: every message's readers changed", async () => {
    const { owner, conversation } = await ownerConversation();
    const sent = await owner.conversations.send({
      conversationId: conversation.id,
      ...draft("Welcome to the thread."),
    });
    await drainAll();
    const proId = await h.userId("pro@standard.demo");
    expect(index.docs.get(sent.id)?.participantIds).not.toContain(proId);
    const organizationId = (
      await h.t.db
        .selectFrom("conversations")
        .where("id", "=", conversation.id)
        .select("organization_id")
        .executeTakeFirstOrThrow()
    ).organization_id;
    await h.t.db
      .transaction()
      .execute((trx) => addParticipants(trx, organizationId, conversation.id, [proId]));
    await drainAll();
    expect(index.docs.get(sent.id)?.participantIds).toContain(proId);
    await expectIndexInLine();
  });

  it("loses nothing while the engine is down, and catches up with zero missing when it returns", async () => {
    const { owner, conversation } = await ownerConversation();
    index.down = true;
    const sent = [];
    for (let i = 0; i < 12; i++) {
      sent.push(
        await owner.conversations.send({
          conversationId: conversation.id,
          ...draft(`Outage message ${i}`),
        }),
      );
    }
    const failed = await drainOnce(h.t.db, index, fast);
    expect(failed.state).toBe("failed");
    // The failed rows stay, pushed back by their back-off; nothing left the queue.
    const waiting = await h.t.db
      .selectFrom("search_index_queue")
      .select(["attempts", "last_error", "run_after"])
      .execute();
    expect(waiting.length).toBeGreaterThanOrEqual(12);
    expect(waiting.every((row) => row.attempts >= 1 && row.last_error !== null)).toBe(true);
    // The engine returns; the rows become due (here at once, instead of after their back-off).
    index.down = false;
    await h.t.db
      .updateTable("search_index_queue")
      .set({ run_after: new Date(0) })
      .execute();
    await drainAll();
    for (const message of sent) expect(index.docs.has(message.id)).toBe(true);
    await expectIndexInLine();
  });

  it("backs off 1 s, 2 s, 4 s … up to a minute", () => {
    expect([1, 2, 3, 4, 7, 20].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000]);
  });

  it("syncs a batch claimed by a drainer that died, once its claim runs out", async () => {
    const { owner, conversation } = await ownerConversation();
    const sent = await owner.conversations.send({
      conversationId: conversation.id,
      ...draft("Claimed, then the process was killed."),
    });
    // A drainer claims the row and dies before syncing it.
    const claimed = await claimDueChanges(h.t.db, 500, fast.claimMs);
    expect(claimed.some((change) => change.messageId === sent.id)).toBe(true);
    await drainAll();
    expect(index.docs.has(sent.id)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, fast.claimMs + 100));
    await drainAll();
    expect(index.docs.has(sent.id)).toBe(true);
  });

  it("lets one process sync at a time; another finds it busy", async () => {
    let inside = false;
    const result = await withSyncLock(h.t.db, async () => {
      inside = true;
      return drainOnce(h.t.db, index, fast);
    });
    expect(inside).toBe(true);
    expect(result).toEqual({ state: "busy" });
  });

  it("indexes every one of more concurrent sends than the pool has connections, once", async () => {
    const { conversation } = await ownerConversation();
    const senders = await Promise.all([
      h.as("owner@standard.demo"),
      h.as("team@standard.demo"),
      h.as("resident@standard.demo"),
    ]);
    const sends = Array.from({ length: 60 }, (_, i) => {
      const sender = senders[i % senders.length];
      if (!sender) throw new Error("no sender");
      return sender.conversations
        .send({ conversationId: conversation.id, ...draft(`Concurrent ${i}`) })
        .catch(() => null);
    });
    // Drain while the sends are in flight, as the worker would.
    const draining = (async () => {
      for (let i = 0; i < 20; i++) {
        await drainOnce(h.t.db, index, fast);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const results = await Promise.all(sends);
    await draining;
    await drainAll();
    const accepted = results.flatMap((result) => (result ? [result.id] : []));
    expect(accepted.length).toBeGreaterThan(0);
    for (const id of accepted) expect(index.docs.has(id)).toBe(true);
    await expectIndexInLine();
  });
});
