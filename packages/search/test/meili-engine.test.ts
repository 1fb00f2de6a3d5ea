import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createMeiliSearch,
  InvalidSearchQueryError,
  type MessageDocument,
  type SearchEngine,
} from "../src/index";
import { quoteFilterValue } from "../src/meili-filter";
import { type MeiliEmulator, startMeiliEmulator } from "./meili-emulator";

const ORG = "0b7a4f0e-0000-4000-8000-000000000001";
const VIEWER = "0b7a4f0e-0000-4000-8000-0000000000aa";
const INDEX = "messages_test";

let meili: MeiliEmulator;
let engine: SearchEngine;

beforeEach(async () => {
  meili = await startMeiliEmulator({ masterKey: "master-key" });
  engine = createMeiliSearch({ host: meili.url, apiKey: "master-key", indexName: INDEX });
});

afterEach(async () => {
  await meili.close();
});

interface SearchBody {
  q: string;
  filter: string[];
  sort: string[];
  limit: number;
  matchingStrategy: string;
}

function lastSearch(): SearchBody {
  const calls = meili.calls("POST", `/indexes/${INDEX}/search`);
  const last = calls[calls.length - 1];
  if (!last) throw new Error("no search was sent");
  return last.body as SearchBody;
}

/** Quotes in `text` that Meilisearch would read as delimiters (not preceded by an escape). */
function delimiterQuotes(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') count++;
  }
  return count;
}

function doc(overrides: Partial<MessageDocument> = {}): MessageDocument {
  return {
    messageId: 7,
    organizationId: ORG,
    conversationId: "c-1",
    participantIds: [VIEWER, "someone-else"],
    senderId: VIEWER,
    senderName: "Riley Chen",
    propertyId: "p-1",
    unitId: "u-1",
    conversationKind: "direct",
    type: "general",
    priority: "normal",
    body: "Could someone look at the hallway light on our floor?",
    createdAt: new Date("2025-03-01T10:00:00.000Z"),
    ...overrides,
  };
}

describe("Meilisearch engine: what it sends", () => {
  it("always filters by organization and by the viewer as participant", async () => {
    await engine.search({ organizationId: ORG, viewerId: VIEWER, text: "hallway", limit: 10 });
    const body = lastSearch();
    expect(body.filter).toEqual([`organizationId = "${ORG}"`, `participantIds = "${VIEWER}"`]);
    expect(body.q).toBe("hallway");
    expect(body.sort).toEqual(["createdAt:desc", "messageId:desc"]);
    expect(body.limit).toBe(11);
    expect(body.matchingStrategy).toBe("all");
    const [request] = meili.calls("POST", `/indexes/${INDEX}/search`);
    expect(request?.headers.authorization).toBe("Bearer master-key");
  });

  it("adds every optional filter, dates as Unix milliseconds", async () => {
    await engine.search({
      organizationId: ORG,
      viewerId: VIEWER,
      senderId: "s-1",
      propertyId: "p-1",
      unitId: "u-1",
      type: "maintenance",
      from: new Date("2025-03-01T00:00:00.000Z"),
      to: new Date("2025-03-02T00:00:00.000Z"),
      limit: 5,
    });
    const body = lastSearch();
    expect(body.q).toBe("");
    expect(body.filter).toEqual([
      `organizationId = "${ORG}"`,
      `participantIds = "${VIEWER}"`,
      'senderId = "s-1"',
      'propertyId = "p-1"',
      'unitId = "u-1"',
      'type = "maintenance"',
      "createdAt >= 1740787200000",
      "createdAt < 1740873600000",
    ]);
  });

  it("escapes values, so a quote in an id cannot break out of its string", async () => {
    const hostile = `x" OR organizationId = "other-org`;
    await engine.search({
      organizationId: ORG,
      viewerId: hostile,
      senderId: 'a\\" OR 1 = 1',
      limit: 10,
    });
    const [org, participant, sender] = lastSearch().filter;
    expect(org).toBe(`organizationId = "${ORG}"`);
    expect(participant).toBe(`participantIds = "x\\" OR organizationId = \\"other-org"`);
    expect(sender).toBe(`senderId = "a\\\\\\" OR 1 = 1"`);
    for (const clause of [participant, sender]) expect(delimiterQuotes(clause ?? "")).toBe(2);
  });

  it("quotes backslashes and quotes in any value", () => {
    expect(quoteFilterValue("plain")).toBe('"plain"');
    expect(quoteFilterValue('a"b')).toBe('"a\\"b"');
    expect(quoteFilterValue("a\\")).toBe('"a\\\\"');
    expect(delimiterQuotes(quoteFilterValue('\\"\\\\"'))).toBe(2);
  });

  it("sets the index up once: primary key, filterable and sortable attributes", async () => {
    await engine.search({ organizationId: ORG, viewerId: VIEWER, limit: 1 });
    await engine.search({ organizationId: ORG, viewerId: VIEWER, limit: 1 });
    expect(meili.calls("POST", "/indexes").map((r) => r.body)).toEqual([
      { uid: INDEX, primaryKey: "messageId" },
    ]);
    const settings = meili.calls("PATCH", `/indexes/${INDEX}/settings`);
    expect(settings).toHaveLength(1);
    expect(settings[0]?.body).toMatchObject({
      filterableAttributes: expect.arrayContaining([
        "organizationId",
        "participantIds",
        "senderId",
        "propertyId",
        "unitId",
        "type",
        "createdAt",
      ]),
      sortableAttributes: expect.arrayContaining(["createdAt"]),
    });
    // Each task was awaited before the search went out.
    const steps = meili.requests.map((r) => `${r.method} ${r.path}`);
    // Tasks run asynchronously, so the engine polls each one until it is done.
    expect(steps.filter((step, i) => step !== steps[i - 1]).slice(0, 5)).toEqual([
      "POST /indexes",
      "GET /tasks/0",
      `PATCH /indexes/${INDEX}/settings`,
      "GET /tasks/1",
      `POST /indexes/${INDEX}/search`,
    ]);
  });

  it("indexes documents with createdAt as a number and waits for the task", async () => {
    await engine.index([doc()]);
    const [added] = meili.calls("POST", `/indexes/${INDEX}/documents`);
    expect(added?.body).toEqual([
      {
        messageId: 7,
        organizationId: ORG,
        conversationId: "c-1",
        participantIds: [VIEWER, "someone-else"],
        senderId: VIEWER,
        senderName: "Riley Chen",
        propertyId: "p-1",
        unitId: "u-1",
        conversationKind: "direct",
        type: "general",
        priority: "normal",
        body: "Could someone look at the hallway light on our floor?",
        createdAt: Date.parse("2025-03-01T10:00:00.000Z"),
      },
    ]);
    expect(meili.calls("GET", "/tasks/2").length).toBeGreaterThanOrEqual(1);
    expect(meili.index(INDEX)?.documents.get("7")).toEqual(
      added?.body && (added.body as unknown[])[0],
    );
  });

  it("removes documents by id, and does nothing for nothing", async () => {
    await engine.remove([]);
    await engine.index([]);
    expect(meili.requests).toEqual([]);
    await engine.remove([3, 4]);
    expect(meili.calls("POST", `/indexes/${INDEX}/documents/delete-batch`)[0]?.body).toEqual([
      3, 4,
    ]);
  });

  it("fails when Meilisearch fails the task, and retries the setup next time", async () => {
    meili.failTasksOfType = { type: "settingsUpdate", code: "invalid_settings_ranking_rules" };
    await expect(engine.index([doc()])).rejects.toThrow(/failed: injected invalid_settings/);
    meili.failTasksOfType = null;
    await engine.index([doc()]);
    expect(meili.calls("PATCH", `/indexes/${INDEX}/settings`)).toHaveLength(2);
  });

  it("accepts an index that already exists", async () => {
    await createMeiliSearch({ host: meili.url, apiKey: "master-key", indexName: INDEX }).prepare();
    await engine.index([doc()]);
    expect(meili.calls("POST", "/indexes")).toHaveLength(2);
    expect(meili.calls("POST", `/indexes/${INDEX}/documents`)).toHaveLength(1);
  });
});

describe("Meilisearch engine: what it returns", () => {
  it("finds a message by the name of a file it carries", async () => {
    await engine.prepare();
    await engine.index([
      doc({ messageId: 21, body: "Here you go", fileNames: "boiler-warranty.pdf" }),
      doc({ messageId: 22, body: "Nothing attached" }),
    ]);
    const result = await engine.search({
      organizationId: ORG,
      viewerId: VIEWER,
      text: "warranty",
      limit: 10,
    });
    expect(result.hits.map((hit) => hit.messageId)).toEqual([21]);
  });

  it("maps hits to results with plain excerpts and highlight ranges", async () => {
    await engine.index([
      doc({
        messageId: 12,
        senderId: "u-9",
        senderName: "Morgan Reyes",
        type: "event",
        priority: "high",
        conversationKind: "broadcast",
        body: "The <b>kitchen</b> is closed",
      }),
    ]);
    const result = await engine.search({
      organizationId: ORG,
      viewerId: VIEWER,
      text: "kitchen",
      limit: 10,
    });
    expect(result).toEqual({
      hits: [
        {
          messageId: 12,
          conversationId: "c-1",
          senderId: "u-9",
          senderName: "Morgan Reyes",
          excerpt: "The <b>kitchen</b> is closed",
          highlights: [{ start: 7, end: 14 }],
          type: "event",
          priority: "high",
          conversationKind: "broadcast",
          createdAt: new Date("2025-03-01T10:00:00.000Z"),
        },
      ],
      nextCursor: null,
      facets: null,
    });
    expect(lastSearch().filter).toEqual([
      `organizationId = "${ORG}"`,
      `participantIds = "${VIEWER}"`,
    ]);
  });

  it("gives a cursor when there is more, and sends its position back as a keyset filter", async () => {
    await engine.index([
      doc({
        messageId: 30,
        senderId: null,
        senderName: null,
        body: "third",
        createdAt: new Date("2025-03-03T00:00:00.000Z"),
      }),
      doc({ messageId: 20, body: "second", createdAt: new Date("2025-03-02T00:00:00.000Z") }),
      doc({ messageId: 10, body: "first", createdAt: new Date("2025-03-01T00:00:00.000Z") }),
    ]);
    const first = await engine.search({ organizationId: ORG, viewerId: VIEWER, limit: 2 });
    expect(first.hits.map((hit) => hit.messageId)).toEqual([30, 20]);
    expect(first.hits[0]?.senderId).toBeNull();
    expect(first.hits[0]?.excerpt).toBe("third");
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await engine.search({
      organizationId: ORG,
      viewerId: VIEWER,
      limit: 2,
      cursor: first.nextCursor ?? "",
    });
    const at = Date.parse("2025-03-02T00:00:00.000Z");
    expect(lastSearch().filter).toEqual([
      `organizationId = "${ORG}"`,
      `participantIds = "${VIEWER}"`,
      `(createdAt < ${at} OR (createdAt = ${at} AND messageId < 20))`,
    ]);
    expect(second).toMatchObject({ hits: [{ messageId: 10 }], nextCursor: null });
  });

  it("counts facets over every match on the first page only", async () => {
    await engine.index([
      doc({ messageId: 1, type: "maintenance", propertyId: "p-1" }),
      doc({ messageId: 2, type: "general", propertyId: "p-2" }),
      doc({ messageId: 3, type: "maintenance", propertyId: null }),
      doc({ messageId: 4, organizationId: "other-org", type: "event" }),
    ]);
    const first = await engine.search({
      organizationId: ORG,
      viewerId: VIEWER,
      limit: 1,
      facets: true,
    });
    expect(first.facets).toEqual({
      types: { general: 1, maintenance: 2 },
      properties: { "p-1": 1, "p-2": 1 },
    });
    const next = await engine.search({
      organizationId: ORG,
      viewerId: VIEWER,
      limit: 1,
      facets: true,
      cursor: first.nextCursor ?? "",
    });
    expect(next.facets).toBeNull();
    expect(
      (await engine.search({ organizationId: ORG, viewerId: VIEWER, limit: 1 })).facets,
    ).toBeNull();
  });

  it("refuses bad queries before calling Meilisearch", async () => {
    const base = { organizationId: ORG, viewerId: VIEWER };
    await expect(engine.search({ ...base, limit: 0 })).rejects.toBeInstanceOf(
      InvalidSearchQueryError,
    );
    await expect(engine.search({ ...base, limit: 5, cursor: "eyJ4IjoxfQ" })).rejects.toBeInstanceOf(
      InvalidSearchQueryError,
    );
    expect(meili.requests).toEqual([]);
  });
});

describe("Meilisearch engine: when Meilisearch is down or refuses", () => {
  it("fails while Meilisearch answers 503, and works again once it is back", async () => {
    await engine.index([doc()]);
    meili.startOutage("unavailable");
    await expect(
      engine.search({ organizationId: ORG, viewerId: VIEWER, limit: 5 }),
    ).rejects.toThrow();
    await expect(engine.index([doc({ messageId: 8 })])).rejects.toThrow();
    meili.endOutage();
    await engine.index([doc({ messageId: 8 })]);
    const { hits } = await engine.search({ organizationId: ORG, viewerId: VIEWER, limit: 5 });
    expect(hits.map((hit) => hit.messageId).sort()).toEqual([7, 8]);
  });

  it("fails while connections are dropped, and sets the index up once they are not", async () => {
    meili.startOutage("drop");
    await expect(engine.prepare()).rejects.toThrow();
    await expect(
      engine.search({ organizationId: ORG, viewerId: VIEWER, limit: 5 }),
    ).rejects.toThrow();
    meili.endOutage();
    await engine.index([doc()]);
    expect(meili.index(INDEX)?.settings.filterableAttributes).toContain("participantIds");
    const { hits } = await engine.search({ organizationId: ORG, viewerId: VIEWER, limit: 5 });
    expect(hits.map((hit) => hit.messageId)).toEqual([7]);
  });

  it("fails with a wrong key", async () => {
    const intruder = createMeiliSearch({ host: meili.url, apiKey: "wrong", indexName: INDEX });
    await expect(
      intruder.search({ organizationId: ORG, viewerId: VIEWER, limit: 5 }),
    ).rejects.toThrow(/API key is invalid/);
    const anonymous = createMeiliSearch({ host: meili.url, indexName: INDEX });
    await expect(anonymous.prepare()).rejects.toThrow(/Authorization header is missing/);
  });
});
