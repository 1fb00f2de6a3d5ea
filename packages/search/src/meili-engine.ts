/**
 * The Meilisearch engine. Meilisearch cannot join, so each document carries its readers
 * (`participantIds`) and every search filters on them and on the organization.
 */
import {
  type EnqueuedTaskPromise,
  type FacetDistribution,
  type Hit,
  MeiliSearch,
  type Task,
} from "meilisearch";
import { encodeCursor } from "./cursor";
import { excerptAround, excerptOfMarked, MARK_END, MARK_START } from "./excerpt";
import { buildFilter } from "./meili-filter";
import { MESSAGE_INDEX_SETTINGS, PRIMARY_KEY, type StoredMessage, toStored } from "./meili-index";
import type { SearchEngine, SearchFacets, SearchHit, SearchQuery, SearchResult } from "./port";
import { checkQuery } from "./query";

export interface MeiliSearchConfig {
  /** e.g. `http://127.0.0.1:7700` */
  host: string;
  apiKey?: string;
  /** Defaults to `messages`. */
  indexName?: string;
  /** How long to wait for one Meilisearch task (indexing, settings); defaults to 30 s. */
  taskTimeoutMs?: number;
}

const RETRIEVED: (keyof StoredMessage)[] = [
  "messageId",
  "conversationId",
  "senderId",
  "senderName",
  "conversationKind",
  "type",
  "priority",
  "body",
  "fileNames",
  "createdAt",
];

const FACETS = ["type", "propertyId"] as const;

/** Waits for a task; a task that did not succeed is an error, not a silent no-op. */
async function settle(task: EnqueuedTaskPromise, allowedError?: string): Promise<Task> {
  const done = await task.waitTask();
  if (done.status === "succeeded") return done;
  if (allowedError !== undefined && done.error?.code === allowedError) return done;
  throw new Error(
    `Meilisearch task ${done.uid} (${done.type}) ${done.status}: ${done.error?.message ?? "no reason given"}`,
  );
}

function toHit(hit: Hit<StoredMessage>): SearchHit {
  const marked = hit._formatted?.body;
  let excerpt = typeof marked === "string" ? excerptOfMarked(marked) : excerptAround(hit.body, []);
  // Found by a file's name only: the names are the excerpt, so the hit shows why it matched.
  const markedFiles = hit._formatted?.fileNames;
  if (excerpt.highlights.length === 0 && typeof markedFiles === "string") {
    const inFiles = excerptOfMarked(markedFiles);
    if (inFiles.highlights.length > 0) excerpt = inFiles;
  }
  return {
    messageId: hit.messageId,
    conversationId: hit.conversationId,
    senderId: hit.senderId ?? null,
    senderName: hit.senderName ?? null,
    excerpt: excerpt.excerpt,
    highlights: excerpt.highlights,
    type: hit.type,
    priority: hit.priority,
    conversationKind: hit.conversationKind,
    createdAt: new Date(hit.createdAt),
  };
}

function toFacets(distribution: FacetDistribution | undefined): SearchFacets | null {
  if (distribution === undefined) return null;
  return {
    types: distribution.type ?? {},
    properties: distribution.propertyId ?? {},
  };
}

/** The Meilisearch engine; the index and its settings are created on first use. */
export function createMeiliSearch(config: MeiliSearchConfig): SearchEngine {
  const client = new MeiliSearch({
    host: config.host,
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    defaultWaitOptions: { timeout: config.taskTimeoutMs ?? 30_000 },
  });
  const indexName = config.indexName ?? "messages";
  const index = client.index<StoredMessage>(indexName);

  let ready: Promise<void> | null = null;
  // Filters on attributes that are not yet filterable fail, so settings come before any use.
  function setUp(): Promise<void> {
    ready ??= (async () => {
      await settle(
        client.createIndex(indexName, { primaryKey: PRIMARY_KEY }),
        "index_already_exists",
      );
      await settle(index.updateSettings(MESSAGE_INDEX_SETTINGS));
    })().catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  }

  return {
    kind: "meilisearch",
    prepare: setUp,
    async index(docs) {
      if (docs.length === 0) return;
      await setUp();
      await settle(index.addDocuments(docs.map(toStored)));
    },
    async remove(messageIds) {
      if (messageIds.length === 0) return;
      await setUp();
      await settle(index.deleteDocuments(messageIds));
    },
    async search(raw: SearchQuery): Promise<SearchResult> {
      const query = checkQuery(raw);
      await setUp();
      const response = await index.search(query.text ?? "", {
        filter: buildFilter(query),
        sort: ["createdAt:desc", "messageId:desc"],
        limit: query.limit + 1,
        matchingStrategy: "all",
        attributesToRetrieve: RETRIEVED,
        attributesToCrop: ["body"],
        cropLength: 30,
        cropMarker: "…",
        attributesToHighlight: ["body", "fileNames"],
        highlightPreTag: MARK_START,
        highlightPostTag: MARK_END,
        // Counts describe the whole match, so only the first page asks for them.
        ...(query.facets && query.after === undefined ? { facets: [...FACETS] } : {}),
      });
      const page = response.hits.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        hits: page.map(toHit),
        nextCursor:
          response.hits.length > query.limit && last
            ? encodeCursor({ at: new Date(last.createdAt).toISOString(), id: last.messageId })
            : null,
        facets: toFacets(response.facetDistribution),
      };
    },
  };
}
