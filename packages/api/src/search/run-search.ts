/**
 * One search on behalf of a viewer. When Meilisearch cannot answer (down, or refusing), the
 * Postgres engine answers instead: it reads the tables themselves under the same rule of who may
 * read what, so search stays correct while the index is away, only without typo tolerance.
 * Both engines' cursors are the same (time, message id) position, so paging survives a switch.
 */
import type { Database, Kysely } from "@hearth/db";
import {
  createPostgresSearch,
  InvalidSearchQueryError,
  type SearchEngine,
  type SearchQuery,
  type SearchResult,
} from "@hearth/search";
import { TRPCError } from "@trpc/server";
import type { Logger } from "../logger";

export interface EngineResult extends SearchResult {
  engine: SearchEngine["kind"];
  /** True when the configured engine failed and Postgres answered. */
  degraded: boolean;
}

export async function runSearch(
  db: Kysely<Database>,
  engine: SearchEngine,
  query: SearchQuery,
  log: Logger,
): Promise<EngineResult> {
  try {
    return { ...(await engine.search(query)), engine: engine.kind, degraded: false };
  } catch (error) {
    if (error instanceof InvalidSearchQueryError) {
      throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
    }
    if (engine.kind === "postgres") throw error;
    log.warn({ err: error }, "search engine failed; answering from Postgres");
    const fallback = createPostgresSearch(db);
    return { ...(await fallback.search(query)), engine: fallback.kind, degraded: true };
  }
}
