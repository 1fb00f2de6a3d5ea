import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@hearth/db/embedded";
import pg from "pg";
import { freePort } from "../../src/free-port";

export interface BenchCluster {
  /** The bench's own database on it, created empty. */
  url: string;
  /** The postmaster's pid when the bench started Postgres itself (its CPU is then measured). */
  postmasterPid: number | null;
  /** Drops the database, and stops Postgres when the bench started it. */
  close(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Postgres for one run: on DATABASE_URL's server when set, else embedded in a throwaway folder
 * with its default durability (fsync and synchronous commit on), as production runs it: a send's
 * commit waits for the WAL flush in both the product and the bare server.
 */
export async function openBenchCluster(databaseUrl: string | undefined): Promise<BenchCluster> {
  const name = `hearth_bench_${Date.now().toString(36)}`;
  if (databaseUrl) {
    await adminQuery(databaseUrl, `create database "${name}"`);
    return {
      url: withDatabase(databaseUrl, name),
      postmasterPid: null,
      close: () => adminQuery(databaseUrl, `drop database if exists "${name}" with (force)`),
    };
  }
  // startEmbeddedPostgres opens this folder to the `postgres` user that runs the server.
  const parent = await mkdtemp(path.join(os.tmpdir(), "hearth-bench-"));
  const dataDir = path.join(parent, "pg");
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  const adminUrl = server.url("postgres");
  await adminQuery(adminUrl, `create database "${name}"`);
  const pidFile = await readFile(path.join(dataDir, "postmaster.pid"), "utf8");
  return {
    url: server.url(name),
    postmasterPid: Number.parseInt(pidFile.split("\n")[0] ?? "", 10) || null,
    close: async () => {
      await server.stop();
      await rm(parent, { recursive: true, force: true });
    },
  };
}
