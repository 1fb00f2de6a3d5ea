import { MeiliSearch, MeiliSearchApiError } from "meilisearch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type MeiliEmulator, startMeiliEmulator } from "./server";

let meili: MeiliEmulator;
let client: MeiliSearch;

beforeEach(async () => {
  meili = await startMeiliEmulator({ masterKey: "key" });
  client = new MeiliSearch({ host: meili.url, apiKey: "key" });
});

afterEach(async () => {
  await meili.close();
});

async function apiError(promise: Promise<unknown>): Promise<{ status: number; code: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MeiliSearchApiError) {
      return {
        status: error.response.status,
        code: (error.cause as { code?: unknown } | undefined)?.code,
      };
    }
    throw error;
  }
  throw new Error("expected an API error");
}

describe("emulator HTTP contract", () => {
  it("runs tasks asynchronously: enqueued, then processing, then succeeded", async () => {
    // Slow steps, so the first look at the task surely comes before it finished.
    await meili.close();
    meili = await startMeiliEmulator({ masterKey: "key", taskStepMs: 200 });
    client = new MeiliSearch({ host: meili.url, apiKey: "key" });
    const enqueued = await client.createIndex("books", { primaryKey: "id" });
    expect(enqueued.status).toBe("enqueued");
    expect((await client.tasks.getTask(enqueued.taskUid)).status).toMatch(/enqueued|processing/);
    const done = await client.tasks.waitForTask(enqueued.taskUid, { interval: 1 });
    expect(done).toMatchObject({
      status: "succeeded",
      type: "indexCreation",
      indexUid: "books",
      error: null,
    });
    const again = await client.createIndex("books").waitTask({ interval: 1 });
    expect(again).toMatchObject({ status: "failed", error: { code: "index_already_exists" } });
  });

  it("enforces filterable and sortable attributes, and filter syntax", async () => {
    const books = client.index("books");
    await books
      .updateSettings({ filterableAttributes: ["genre"], sortableAttributes: ["year"] })
      .waitTask({ interval: 1 });
    await books
      .addDocuments([
        { id: 1, genre: "Horror", year: 1990, title: "It" },
        { id: 2, genre: "poetry", year: 1850, title: "Leaves of Grass" },
      ])
      .waitTask({ interval: 1 });
    expect(await apiError(books.search("", { filter: "year > 1" }))).toEqual({
      status: 400,
      code: "invalid_search_filter",
    });
    expect(await apiError(books.search("", { filter: "genre = " }))).toEqual({
      status: 400,
      code: "invalid_search_filter",
    });
    expect(await apiError(books.search("", { sort: ["genre:asc"] }))).toEqual({
      status: 400,
      code: "invalid_search_sort",
    });
    expect(await apiError(books.search("", { facets: ["year"] }))).toEqual({
      status: 400,
      code: "invalid_search_facets",
    });
    expect(await apiError(client.index("nope").search(""))).toEqual({
      status: 404,
      code: "index_not_found",
    });
    const found = await books.search("", {
      filter: ["genre = horror"],
      sort: ["year:asc"],
      facets: ["genre"],
    });
    expect(found.hits.map((hit) => hit.id)).toEqual([1]);
    expect(found.facetDistribution).toEqual({ genre: { Horror: 1 } });
    const sorted = await books.search("", { sort: ["year:asc"] });
    expect(sorted.hits.map((hit) => hit.id)).toEqual([2, 1]);
  });

  it("finds words with typos, highlights and crops them, and deletes documents", async () => {
    const books = client.index("books");
    await books
      .addDocuments([{ id: "b-1", body: "A long walk through the quiet hallway at night" }], {
        primaryKey: "id",
      })
      .waitTask({ interval: 1 });
    const found = await books.search("hallwya nig", {
      attributesToHighlight: ["body"],
      attributesToCrop: ["body"],
      cropLength: 4,
      matchingStrategy: "all",
    });
    expect(found.hits[0]?._formatted?.body).toBe("…quiet <em>hallway</em> at <em>nig</em>ht");
    expect((await books.search("hallway dog", { matchingStrategy: "all" })).hits).toEqual([]);
    await books.deleteDocuments(["b-1", "unknown"]).waitTask({ interval: 1 });
    expect((await books.search("hallway")).hits).toEqual([]);
  });

  it("checks the key, and plays an outage until told it is over", async () => {
    const stranger = new MeiliSearch({ host: meili.url, apiKey: "other" });
    expect(await apiError(stranger.getIndexes())).toMatchObject({
      status: 403,
      code: "invalid_api_key",
    });
    const anonymous = new MeiliSearch({ host: meili.url });
    expect(await apiError(anonymous.createIndex("x"))).toMatchObject({
      status: 401,
      code: "missing_authorization_header",
    });
    meili.startOutage("unavailable");
    expect(await apiError(client.createIndex("x"))).toMatchObject({ status: 503 });
    meili.startOutage("drop");
    await expect(client.createIndex("x")).rejects.toThrow(/has failed/);
    meili.endOutage();
    await expect(client.createIndex("x").waitTask({ interval: 1 })).resolves.toMatchObject({
      status: "succeeded",
    });
  });
});
