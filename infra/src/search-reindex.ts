/**
 * `npm run search:reindex`: rebuilds the Meilisearch index from Postgres (MEILI_URL, and
 * DATABASE_URL or the embedded dev database), with a progress bar. Safe while the product runs.
 */
import { readServerEnv, reindexAll, searchEngineFromEnv } from "@hearth/api/server";
import { createDb, openDevDatabase } from "@hearth/db";
import { Presets, SingleBar } from "cli-progress";

const env = readServerEnv();
const database = await openDevDatabase();
const { db, destroy } = createDb(database.url, { statementTimeoutMs: 0 });
const engine = searchEngineFromEnv(env, db);
try {
  if (engine.kind === "postgres") {
    console.log(
      "Search runs on Postgres (MEILI_URL is not set): it reads the tables themselves, so there is no index to rebuild.",
    );
  } else {
    const bar = new SingleBar(
      {
        format:
          "reindex [{bar}] {percentage}% | {value}/{total} ids | {indexed} indexed, {removed} removed | {eta_formatted} left",
      },
      Presets.shades_classic,
    );
    let started = false;
    const result = await reindexAll(db, engine, {
      onProgress: ({ done, total, indexed, removed }) => {
        if (!started) {
          bar.start(total, 0, { indexed: 0, removed: 0 });
          started = true;
        }
        bar.update(done, { indexed, removed });
      },
    });
    bar.stop();
    console.log(
      `Search index rebuilt: ${result.indexed} messages indexed, ${result.removed} ids removed, of ${result.total} ids.`,
    );
  }
} finally {
  await destroy();
  await database.stop();
}
