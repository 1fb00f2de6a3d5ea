/** The search engine the environment asks for: Meilisearch when MEILI_URL is set, else Postgres. */
import type { Database, Kysely } from "@hearth/db";
import { createSearchEngine, type SearchEngine } from "@hearth/search";
import type { ServerEnv } from "../env";

export function searchEngineFromEnv(
  env: Pick<ServerEnv, "MEILI_URL" | "MEILI_API_KEY" | "MEILI_MASTER_KEY" | "MEILI_INDEX">,
  db: Kysely<Database>,
): SearchEngine {
  const key = env.MEILI_API_KEY ?? env.MEILI_MASTER_KEY;
  return createSearchEngine(
    {
      ...(env.MEILI_URL ? { meiliUrl: env.MEILI_URL } : {}),
      ...(key ? { meiliKey: key } : {}),
      meiliIndex: env.MEILI_INDEX,
    },
    db,
  );
}
