/**
 * Search on the Meilisearch engine, against the emulator at Meilisearch's HTTP contract: the
 * worker's indexer keeps the index through an outage, and search.messages answers from it under
 * the same rule of who may read what.
 */

import { createMeiliSearch, loadMessageDocuments, type SearchEngine } from "@hearth/search";
import { type MeiliEmulator, startMeiliEmulator } from "@hearth/search/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger";
import { startSearchIndexer } from "../src/search/indexer";
import { queueStats } from "../src/search/queue";
import { reindexAll } from "../src/search/reindex";
import { createHarness, type Harness } from "./harness";
import { draft } from "./helpers";

const INDEX = "messages_api_test";
const KEY = "test-master-key";

let meili: MeiliEmulator;
let engine: SearchEngine;
let h: Harness;

beforeAll(async () => {
  meili = await startMeiliEmulator({ masterKey: KEY });
  const config = { host: meili.url, apiKey: KEY, indexName: INDEX, taskTimeoutMs: 2000 };
  engine = createMeiliSearch(config);
  h = await createHarness({ search: () => createMeiliSearch(config) });
});
afterAll(async () => {
  await h?.close();
  await meili?.close();
});

async function until(condition: () => Promise<boolean>, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Ids in the emulator's index, and ids the database says should be there. */
async function indexedAndExpected() {
  const indexed = new Set(
    [...(meili.index(INDEX)?.documents.keys() ?? [])].map((id) => Number(id)),
  );
  const all = await h.t.db.selectFrom("messages").select("id").execute();
  const expected = await loadMessageDocuments(
    h.t.db,
    all.map((row) => Number(row.id)),
  );
  return { indexed, expected: new Set(expected.map((doc) => doc.messageId)) };
}

describe("search on Meilisearch", () => {
  it("indexes through an outage: nothing is lost, and the index ends with zero missing", async () => {
    const indexer = startSearchIndexer(h.t.db, engine, createLogger("silent"), {
      idleMs: 20,
      failureMs: 50,
    });
    try {
      // Everything the seed wrote reaches the index first.
      await until(async () => (await queueStats(h.t.db)).pending === 0, "the seed indexed");
      const owner = await h.as("owner@standard.demo");
      const { rows } = await owner.conversations.list();
      const direct = rows.find((row) => row.kind === "direct");
      if (!direct) throw new Error("no direct conversation");

      meili.startOutage("unavailable");
      const during = [];
      for (let i = 0; i < 10; i++) {
        during.push(
          await owner.conversations.send({
            conversationId: direct.id,
            ...draft(`Sent while the index was down ${i}`),
          }),
        );
      }
      const deleted = during[0];
      if (!deleted) throw new Error("nothing was sent");
      await owner.conversations.delete({ messageId: deleted.id });
      await until(
        async () =>
          (await h.t.db
            .selectFrom("search_index_queue")
            .where("attempts", ">", 0)
            .select("id")
            .executeTakeFirst()) !== undefined,
        "a failed attempt",
      );
      meili.startOutage("drop");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await queueStats(h.t.db)).pending).toBeGreaterThanOrEqual(10);

      meili.endOutage();
      await until(async () => (await queueStats(h.t.db)).pending === 0, "the catch-up", 30_000);
      const { indexed, expected } = await indexedAndExpected();
      expect([...expected].filter((id) => !indexed.has(id))).toEqual([]);
      expect([...indexed].filter((id) => !expected.has(id))).toEqual([]);
      expect(indexed.has(deleted.id)).toBe(false);
      for (const message of during.slice(1)) expect(indexed.has(message.id)).toBe(true);

      // What the index holds, search finds, for the reader and nobody else.
      const riley = await h.as("resident@standard.demo");
      const found = await owner.search.messages({ q: "index was down" });
      expect(found.engine).toBe("meilisearch");
      expect(found.degraded).toBe(false);
      expect(found.hits.map((hit) => hit.messageId).sort()).toEqual(
        during
          .slice(1)
          .map((message) => message.id)
          .sort(),
      );
      const participants = await h.t.db
        .selectFrom("conversation_participants")
        .where("conversation_id", "=", direct.id)
        .select("user_id")
        .execute();
      const rileyId = await h.userId("resident@standard.demo");
      const rileyReads = participants.some((row) => row.user_id === rileyId);
      expect((await riley.search.messages({ q: "index was down" })).hits.length > 0).toBe(
        rileyReads,
      );
      const foreign = await h.as("owner@connected.demo");
      expect((await foreign.search.messages({ q: "index was down" })).hits).toEqual([]);
      expect(
        (await foreign.search.messages({ q: "index was down", conversationId: direct.id })).hits,
      ).toEqual([]);
    } finally {
      meili.endOutage();
      await indexer.stop();
    }
  });

  it("gives facet counts per type and property on the first page", async () => {
    const owner = await h.as("owner@standard.demo");
    const result = await owner.search.messages({});
    expect(result.engine).toBe("meilisearch");
    expect(result.facets).not.toBeNull();
    const total = result.facets?.types.reduce((sum, facet) => sum + facet.count, 0) ?? 0;
    expect(total).toBeGreaterThan(0);
    if (result.nextCursor) {
      const next = await owner.search.messages({ cursor: result.nextCursor });
      expect(next.facets).toBeNull();
    }
  });

  it("rebuilds the index from Postgres while messages are being sent, ending in line", async () => {
    const owner = await h.as("owner@standard.demo");
    const { rows } = await owner.conversations.list();
    const direct = rows.find((row) => row.kind === "direct");
    if (!direct) throw new Error("no direct conversation");
    // The index lost a document and kept one it should not have (a deleted message).
    const { indexed } = await indexedAndExpected();
    const [lost] = [...indexed];
    if (lost === undefined) throw new Error("nothing indexed");
    await engine.remove([lost]);
    const stale = await owner.conversations.send({
      conversationId: direct.id,
      ...draft("About to be deleted behind the index's back"),
    });
    await engine.index(await loadMessageDocuments(h.t.db, [stale.id]));
    await h.t.db
      .updateTable("messages")
      .set({ deleted_at: new Date() })
      .where("id", "=", stale.id)
      .execute();
    await h.t.db.deleteFrom("search_index_queue").execute();

    const progress: number[] = [];
    const sending = (async () => {
      const sent = [];
      for (let i = 0; i < 15; i++) {
        sent.push(
          await owner.conversations.send({
            conversationId: direct.id,
            ...draft(`Sent during the rebuild ${i}`),
          }),
        );
      }
      return sent;
    })();
    const result = await reindexAll(h.t.db, engine, {
      batchSize: 25,
      onProgress: ({ done }) => progress.push(done),
    });
    await sending;
    // The indexer picks up what was sent after the rebuild passed it.
    const indexer = startSearchIndexer(h.t.db, engine, createLogger("silent"), {
      idleMs: 20,
      failureMs: 50,
    });
    try {
      await until(async () => (await queueStats(h.t.db)).pending === 0, "the queue drained");
    } finally {
      await indexer.stop();
    }
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(result.done).toBe(result.total);
    const after = await indexedAndExpected();
    expect([...after.expected].filter((id) => !after.indexed.has(id))).toEqual([]);
    expect([...after.indexed].filter((id) => !after.expected.has(id))).toEqual([]);
    expect(after.indexed.has(lost)).toBe(true);
    expect(after.indexed.has(stale.id)).toBe(false);
  });
});
