import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded";
import { dataDir, dbEnv } from "./env";

export const DEV_DATABASE_NAME = "hearth";

export interface DevDatabase {
  url: string;
  /** True when this process started the embedded server (and so must stop it). */
  embedded: boolean;
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * The database for dev and the db commands: `DATABASE_URL` when set; otherwise the embedded
 * server under `.data/postgres` (or $HEARTH_DATA_DIR), reusing it when another process (the dev launcher) already runs it.
 */
export async function openDevDatabase(options: { verbose?: boolean } = {}): Promise<DevDatabase> {
  if (dbEnv.DATABASE_URL) return { url: dbEnv.DATABASE_URL, embedded: false, stop: async () => {} };
  const port = dbEnv.EMBEDDED_PG_PORT;
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/${DEV_DATABASE_NAME}`;
  if (await answers(adminUrl)) {
    await ensureDatabase(adminUrl, DEV_DATABASE_NAME);
    return { url, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "postgres"),
    port,
    verbose: options.verbose ?? false,
  });
  await ensureDatabase(server.url("postgres"), DEV_DATABASE_NAME);
  return { url, embedded: true, stop: () => server.stop() };
}
