/** @hearth/search: message search behind one port, on Postgres (default) or Meilisearch. */
import type { Database } from "@hearth/db/types";
import type { Kysely } from "kysely";
import { createMeiliSearch } from "./meili-engine";
import type { SearchEngine } from "./port";
import { createPostgresSearch } from "./postgres-engine";

export { decodeCursor, encodeCursor } from "./cursor";
export { loadMessageDocuments } from "./document";
export { InvalidSearchQueryError } from "./errors";
export { createMeiliSearch, type MeiliSearchConfig } from "./meili-engine";
export {
  type HighlightRange,
  MAX_SEARCH_LIMIT,
  type MessageDocument,
  type SearchEngine,
  type SearchFacets,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from "./port";
export { createPostgresSearch } from "./postgres-engine";
export { MAX_SEARCH_TEXT } from "./query";
export { syncMessages } from "./sync";

/** Where search runs: Meilisearch when `meiliUrl` is set, else the database itself. */
export interface SearchConfig {
  meiliUrl?: string;
  meiliKey?: string;
  /** Meilisearch index name; defaults to `messages`. */
  meiliIndex?: string;
}

/** The engine the configuration asks for. */
export function createSearchEngine(config: SearchConfig, db: Kysely<Database>): SearchEngine {
  if (config.meiliUrl) {
    return createMeiliSearch({
      host: config.meiliUrl,
      ...(config.meiliKey ? { apiKey: config.meiliKey } : {}),
      ...(config.meiliIndex ? { indexName: config.meiliIndex } : {}),
    });
  }
  return createPostgresSearch(db);
}
