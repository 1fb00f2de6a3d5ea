/**
 * Builds both apps and starts the production server (`npm start`, infra/src/serve.ts) on free
 * ports with a throwaway embedded database, as CI and users run it: no page compiles on demand
 * while a test waits for it. Stops it after.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildApps } from "../src/build-apps";
import { freePort } from "../src/free-port";
import { repoRoot } from "../src/paths";
import { type StartedProcess, startProcess } from "../test/processes";

declare module "vitest" {
  export interface ProvidedContext {
    e2e: { managerUrl: string; residentUrl: string };
  }
}

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env;
  return rest;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildApps();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "hearth-e2e-"));
  const [managerPort, residentPort, pgPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const managerUrl = `http://localhost:${managerPort}`;
  const residentUrl = `http://localhost:${residentPort}`;
  const server: StartedProcess = startProcess(
    process.execPath,
    ["--import", "tsx", "src/serve.ts"],
    {
      cwd: path.join(repoRoot, "infra"),
      // Always a throwaway embedded database, even where DATABASE_URL points at someone's data.
      env: {
        ...withoutDatabaseUrl(process.env),
        NODE_ENV: "production",
        HEARTH_DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(pgPort),
        MANAGER_PORT: String(managerPort),
        RESIDENT_PORT: String(residentPort),
        MANAGER_URL: managerUrl,
        RESIDENT_URL: residentUrl,
        // Plain http on localhost; and the invitation tests read links from the dev mailbox.
        SESSION_SECURE: "false",
        DEV_TOOLS: "on",
        // web-push.e2e.ts's stand-in push service listens on loopback.
        WEB_PUSH_EXTRA_ENDPOINTS: "http://127.0.0.1",
        LOG_LEVEL: "warn",
      },
    },
  );
  try {
    await server.healthy([`${managerUrl}/healthz`, `${residentUrl}/healthz`], 150_000);
  } catch (error) {
    process.stderr.write(server.output());
    await server.stop(5_000);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide("e2e", { managerUrl, residentUrl });
  return async () => {
    await server.stop(20_000);
    await rm(dataDir, { recursive: true, force: true });
  };
}
