import { createTestDatabase, type TestDatabase } from "@hearth/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createPostgresSearch,
  createSearchEngine,
  InvalidSearchQueryError,
  type SearchEngine,
  type SearchHit,
  type SearchQuery,
} from "../src/index";
import { type Demo, demo } from "./demo";

const HALLWAY = "Could someone look at the hallway light on our floor?";

let t: TestDatabase;
let d: Demo;
let engine: SearchEngine;
let org: string;
let otherOrg: string;
let owner: string;
let resident: string;
let roommate: string;

/** What `viewer` finds in the standard organization. */
function find(viewer: string, query: Partial<SearchQuery> = {}) {
  return engine.search({ organizationId: org, viewerId: viewer, limit: 50, ...query });
}

function bodiesOf(hits: SearchHit[]): string[] {
  return hits.map((hit) => hit.excerpt);
}

function highlighted(hit: SearchHit): string[] {
  return hit.highlights.map(({ start, end }) => hit.excerpt.slice(start, end).toLowerCase());
}

beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
  d = demo(t.db);
  engine = createPostgresSearch(t.db);
  org = await d.orgId("standard");
  otherOrg = await d.orgId("connected");
  owner = await d.userId("owner@standard.demo");
  resident = await d.userId("resident@standard.demo");
  roommate = await d.userId("roommate@standard.demo");
});

afterAll(async () => {
  await t?.destroy();
});

describe("Postgres search: words", () => {
  it("finds a message by its words and highlights them", async () => {
    const { hits } = await find(resident, { text: "hallway light" });
    expect(hits).toHaveLength(1);
    const [hit] = hits as [SearchHit];
    expect(hit.excerpt).toBe(HALLWAY);
    expect(highlighted(hit)).toEqual(["hallway", "light"]);
    expect(hit.senderId).toBe(resident);
    expect(hit.senderName).toBe("Riley Chen");
    expect(hit.type).toBe("general");
    expect(hit.createdAt).toBeInstanceOf(Date);
    expect(hit.conversationId).toBe((await d.message(org, HALLWAY)).conversationId);
    // Short words do not light up every word they start.
    const [short] = (await find(resident, { text: "on hallway" })).hits;
    expect(short && highlighted(short)).toEqual(["hallway"]);
  });

  it("matches other forms of a word (stemming)", async () => {
    const { hits } = await find(resident, { text: "lights" });
    expect(bodiesOf(hits)).toEqual([HALLWAY]);
  });

  it("matches the start of a word, not its middle", async () => {
    for (const text of ["hall", "HALLW", "hallway lig"]) {
      const { hits } = await find(resident, { text });
      expect(bodiesOf(hits), text).toEqual([HALLWAY]);
      expect(highlighted(hits[0] as SearchHit).join(" "), text).toContain(
        text.toLowerCase().split(" ")[0],
      );
    }
    expect((await find(resident, { text: "allwa" })).hits).toEqual([]);
  });

  it("needs every word, and honours -excluded words", async () => {
    expect((await find(resident, { text: "hallway faucet" })).hits).toEqual([]);
    const faucet = await find(resident, { text: "faucet" });
    expect(bodiesOf(faucet.hits)).toEqual(["The kitchen faucet drips constantly."]);
    expect((await find(resident, { text: "faucet -kitchen" })).hits).toEqual([]);
  });

  it("treats LIKE wildcards in the text as plain characters", async () => {
    expect((await find(resident, { text: "%" })).hits).toEqual([]);
    expect((await find(resident, { text: "h_llway" })).hits).toEqual([]);
  });
});

describe("Postgres search: filters", () => {
  it("filters by date range, from inclusive, to exclusive", async () => {
    const rent = await d.message(org, "Hi Riley, a reminder that rent is due on the 1st.");
    const paid = await d.message(org, "Thanks! Paid it this morning.");
    const upToPaid = await find(resident, { from: rent.createdAt, to: paid.createdAt });
    expect(bodiesOf(upToPaid.hits)).toEqual(["Hi Riley, a reminder that rent is due on the 1st."]);
    const throughPaid = await find(resident, {
      from: rent.createdAt,
      to: new Date(paid.createdAt.getTime() + 1),
    });
    expect(bodiesOf(throughPaid.hits)).toEqual([
      "Thanks! Paid it this morning.",
      "Hi Riley, a reminder that rent is due on the 1st.",
    ]);
    const after = await find(resident, {
      from: new Date(rent.createdAt.getTime() + 1),
      text: "rent",
    });
    expect(after.hits).toEqual([]);
  });

  it("filters by sender", async () => {
    const { hits } = await find(resident, { senderId: owner });
    expect(hits.map((hit) => hit.senderId)).toEqual([owner, owner, owner, owner]);
    expect(bodiesOf(hits)).toContain("Received, thank you.");
    // The owner's team conversation is not the resident's to read.
    expect(bodiesOf(hits)).not.toContain("Can you cover the Birch House inspection on Monday?");
  });

  it("filters by property, through the unit or the maintenance request", async () => {
    const maple = await d.propertyId(org, "Maple Court");
    const birch = await d.propertyId(org, "Birch House");
    const { hits } = await find(resident, { propertyId: maple });
    expect(bodiesOf(hits).sort()).toEqual(
      [
        "I can come by tomorrow between 9 and 11.",
        "I've shared this with Devon from Hart Plumbing.",
        "Noted, thanks for the heads-up.",
        "The kitchen faucet drips constantly.",
        "Water will be off in unit 101 on Tuesday from 10 to 12.",
      ].sort(),
    );
    expect((await find(resident, { propertyId: birch })).hits).toEqual([]);
  });

  it("filters by unit", async () => {
    const maple = await d.propertyId(org, "Maple Court");
    const unit101 = await d.unitId(maple, "101");
    const unit102 = await d.unitId(maple, "102");
    expect((await find(resident, { unitId: unit101 })).hits).toHaveLength(5);
    expect((await find(resident, { unitId: unit101, text: "water" })).hits).toHaveLength(1);
    expect((await find(resident, { unitId: unit102 })).hits).toEqual([]);
  });

  it("filters by message type", async () => {
    const reminders = await find(resident, { type: "payment_reminder" });
    expect(bodiesOf(reminders.hits)).toEqual(["Hi Riley, a reminder that rent is due on the 1st."]);
    const maintenance = await find(resident, { type: "maintenance" });
    expect(maintenance.hits.map((hit) => hit.type)).toEqual([
      "maintenance",
      "maintenance",
      "maintenance",
      "maintenance",
    ]);
  });
});

describe("Postgres search: only what the viewer may read", () => {
  it("never shows a conversation the viewer is not in", async () => {
    // The hallway message is in the owner <-> resident direct conversation.
    expect((await find(roommate, { text: "hallway" })).hits).toEqual([]);
    expect(bodiesOf((await find(owner, { text: "hallway" })).hits)).toEqual([HALLWAY]);
    // The unit group conversation is the roommate's too.
    expect(bodiesOf((await find(roommate, { text: "water" })).hits)).toEqual([
      "Water will be off in unit 101 on Tuesday from 10 to 12.",
    ]);
  });

  it("never shows another organization's messages", async () => {
    const ownHallway = await d.message(org, HALLWAY);
    const { hits } = await find(resident, { text: "hallway" });
    expect(hits.map((hit) => hit.messageId)).toEqual([ownHallway.id]);
    // The other organization has the same conversation; the standard resident is not in it.
    const crossed = await engine.search({
      organizationId: otherOrg,
      viewerId: resident,
      text: "hallway",
      limit: 50,
    });
    expect(crossed.hits).toEqual([]);
    const theirResident = await d.userId("resident@connected.demo");
    expect((await find(theirResident, { text: "hallway" })).hits).toEqual([]);
  });

  it("excludes deleted and scheduled (unsent) messages", async () => {
    const { conversationId } = await d.message(org, HALLWAY);
    await d.addMessage(conversationId, { body: "zebra crossing is open", senderId: resident });
    await d.addMessage(conversationId, {
      body: "zebra deleted message",
      senderId: resident,
      deletedAt: new Date(),
    });
    await d.addMessage(conversationId, {
      body: "zebra scheduled message",
      senderId: owner,
      sentAt: null,
    });
    expect(bodiesOf((await find(owner, { text: "zebra" })).hits)).toEqual([
      "zebra crossing is open",
    ]);
    expect(bodiesOf((await find(resident, { text: "zebr" })).hits)).toEqual([
      "zebra crossing is open",
    ]);
  });
});

describe("Postgres search: pages", () => {
  it("pages newest first with a cursor, without duplicates or gaps", async () => {
    const { conversationId } = await d.message(org, HALLWAY);
    const base = Date.now() - 60_000;
    const added: number[] = [];
    for (let i = 0; i < 7; i++) {
      // Three messages share one instant, so the cursor must break ties by id.
      const createdAt = new Date(base + (i < 3 ? 0 : i * 1000));
      added.push(
        await d.addMessage(conversationId, {
          body: `pager note ${i}`,
          senderId: resident,
          createdAt,
        }),
      );
    }
    const seen: number[] = [];
    const pageSizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await find(owner, { text: "pager", limit: 3, ...(cursor ? { cursor } : {}) });
      pageSizes.push(page.hits.length);
      seen.push(...page.hits.map((hit) => hit.messageId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pageSizes).toEqual([3, 3, 1]);
    expect(seen).toEqual([added[6], added[5], added[4], added[3], added[2], added[1], added[0]]);
  });

  it("says there is no next page when the last page is exactly full", async () => {
    const { hits, nextCursor } = await find(resident, { type: "payment_reminder", limit: 1 });
    expect(hits).toHaveLength(1);
    expect(nextCursor).toBeNull();
  });
});

describe("Postgres search: bad input", () => {
  it("refuses a limit out of range and a forged cursor", async () => {
    await expect(find(resident, { limit: 0 })).rejects.toBeInstanceOf(InvalidSearchQueryError);
    await expect(find(resident, { limit: 51 })).rejects.toBeInstanceOf(InvalidSearchQueryError);
    await expect(find(resident, { cursor: "not-a-cursor" })).rejects.toBeInstanceOf(
      InvalidSearchQueryError,
    );
    await expect(find(resident, { from: new Date("nope") })).rejects.toBeInstanceOf(
      InvalidSearchQueryError,
    );
  });

  it("answers no hits, not an error, for ids that are not uuids", async () => {
    expect((await find(resident, { senderId: "nobody" })).hits).toEqual([]);
    expect((await find("' or 1=1 --")).hits).toEqual([]);
  });

  it("takes any text without a syntax error", async () => {
    for (const text of [`'); drop table messages; --`, 'a & b | !c :* "', "(((", "\\", "-", '"']) {
      await expect(find(resident, { text }), text).resolves.toMatchObject({ hits: [] });
    }
    expect((await find(resident, { text: '"hallway light"' })).hits).toHaveLength(1);
    expect((await find(resident, { text: '"light hallway"' })).hits).toEqual([]);
  });

  it("lists everything readable, newest first, for blank text", async () => {
    const { hits } = await find(roommate, { text: "   " });
    expect(bodiesOf(hits)).toEqual([
      "Noted, thanks for the heads-up.",
      "Water will be off in unit 101 on Tuesday from 10 to 12.",
    ]);
  });
});

describe("createSearchEngine", () => {
  it("uses Postgres by default and Meilisearch when a URL is set", async () => {
    const fallback = createSearchEngine({}, t.db);
    expect(fallback.kind).toBe("postgres");
    expect(
      bodiesOf(
        (
          await fallback.search({
            organizationId: org,
            viewerId: resident,
            text: "hallway",
            limit: 5,
          })
        ).hits,
      ),
    ).toEqual([HALLWAY]);
    expect(createSearchEngine({ meiliUrl: "http://127.0.0.1:7700" }, t.db).kind).toBe(
      "meilisearch",
    );
  });
});
