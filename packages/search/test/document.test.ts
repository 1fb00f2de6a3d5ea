import { createTestDatabase, type TestDatabase } from "@hearth/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  loadMessageDocuments,
  type MessageDocument,
  type SearchEngine,
  syncMessages,
} from "../src/index";
import { type Demo, demo } from "./demo";

let t: TestDatabase;
let d: Demo;
let org: string;

beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
  d = demo(t.db);
  org = await d.orgId("standard");
});

afterAll(async () => {
  await t?.destroy();
});

/** An engine of our own port that only records, to see what syncMessages asks of it. */
function recordingEngine() {
  const indexed: MessageDocument[] = [];
  const removed: number[] = [];
  const engine: SearchEngine = {
    kind: "meilisearch",
    async prepare() {},
    async index(docs) {
      indexed.push(...docs);
    },
    async remove(ids) {
      removed.push(...ids);
    },
    async search() {
      return { hits: [], nextCursor: null, facets: null };
    },
  };
  return { engine, indexed, removed };
}

describe("loadMessageDocuments", () => {
  it("denormalises a direct message: readers, sender, no property or unit", async () => {
    const hallway = await d.message(org, "Could someone look at the hallway light on our floor?");
    const owner = await d.userId("owner@standard.demo");
    const resident = await d.userId("resident@standard.demo");
    const [doc] = await loadMessageDocuments(t.db, [hallway.id]);
    expect(doc).toEqual({
      messageId: hallway.id,
      organizationId: org,
      conversationId: hallway.conversationId,
      participantIds: expect.arrayContaining([owner, resident]),
      senderId: resident,
      senderName: "Riley Chen",
      propertyId: null,
      unitId: null,
      conversationKind: "direct",
      type: "general",
      priority: "high",
      body: "Could someone look at the hallway light on our floor?",
      createdAt: hallway.createdAt,
    });
    expect(doc?.participantIds).toHaveLength(2);
  });

  it("takes property and unit from the unit group or the maintenance request", async () => {
    const maple = await d.propertyId(org, "Maple Court");
    const unit101 = await d.unitId(maple, "101");
    const water = await d.message(org, "Water will be off in unit 101 on Tuesday from 10 to 12.");
    const faucet = await d.message(org, "The kitchen faucet drips constantly.");
    const docs = await loadMessageDocuments(t.db, [faucet.id, water.id, water.id]);
    expect(docs.map((doc) => [doc.messageId, doc.propertyId, doc.unitId, doc.type])).toEqual(
      [
        [water.id, maple, unit101, "maintenance"],
        [faucet.id, maple, unit101, "maintenance"],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    expect(docs.find((doc) => doc.messageId === faucet.id)?.participantIds).toHaveLength(3);
  });

  it("has no document for deleted, scheduled or unknown messages", async () => {
    const hallway = await d.message(org, "Could someone look at the hallway light on our floor?");
    const resident = await d.userId("resident@standard.demo");
    const deleted = await d.addMessage(hallway.conversationId, {
      body: "gone",
      senderId: resident,
      deletedAt: new Date(),
    });
    const scheduled = await d.addMessage(hallway.conversationId, {
      body: "later",
      senderId: resident,
      sentAt: null,
    });
    expect(await loadMessageDocuments(t.db, [deleted, scheduled, 987_654_321])).toEqual([]);
    expect(await loadMessageDocuments(t.db, [])).toEqual([]);

    const { engine, indexed, removed } = recordingEngine();
    const counts = await syncMessages(t.db, engine, [hallway.id, deleted, scheduled]);
    expect(counts).toEqual({ indexed: 1, removed: 2 });
    expect(indexed.map((doc) => doc.messageId)).toEqual([hallway.id]);
    expect(removed.sort()).toEqual([deleted, scheduled].sort());
  });
});
