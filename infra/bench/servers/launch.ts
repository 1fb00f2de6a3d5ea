import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../../src/free-port";
import { type ServerProcess, startServerProcess } from "./process";

const infraDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const probe = path.join(infraDir, "bench", "servers", "probe.ts");

async function healthy(url: string, server: ServerProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    if (!server.running()) throw new Error(`the server exited:\n${server.output()}`);
    if (Date.now() > deadline)
      throw new Error(`${url} not healthy in ${timeoutMs} ms:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface ProductServer {
  process: ServerProcess;
  manager: string;
  resident: string;
}

/**
 * The production server as `npm start` runs it (infra/src/serve.ts on the apps' production
 * build, NODE_ENV=production, the job worker in the process), on the bench's database, plus the
 * memory probe; under Node's CPU profiler when given a folder for the profile.
 */
export async function startProduct(
  databaseUrl: string,
  options: { profileDir?: string | undefined } = {},
): Promise<ProductServer> {
  const [managerPort, residentPort] = [await freePort(), await freePort()];
  const profile = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [];
  const server = startServerProcess(
    [...profile, "--expose-gc", "--import", "tsx", "--import", probe, "src/serve.ts"],
    {
      cwd: infraDir,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        MANAGER_PORT: String(managerPort),
        RESIDENT_PORT: String(residentPort),
        HOST: "127.0.0.1",
      },
    },
  );
  const manager = `http://127.0.0.1:${managerPort}`;
  const resident = `http://127.0.0.1:${residentPort}`;
  try {
    await healthy(`${manager}/healthz`, server, 120_000);
    await healthy(`${resident}/healthz`, server, 10_000);
  } catch (error) {
    await server.stop(2_000);
    throw error;
  }
  return { process: server, manager, resident };
}

/** The bare server (bench/bare/server.ts) on the bench's database. */
export async function startBare(
  databaseUrl: string,
): Promise<{ process: ServerProcess; base: string }> {
  const server = startServerProcess(["--expose-gc", "--import", "tsx", "bench/bare/server.ts"], {
    cwd: infraDir,
    env: { ...process.env, NODE_ENV: "production", BARE_DATABASE_URL: databaseUrl },
  });
  try {
    const match = await server.printed(/listening (\d+)/, 60_000);
    return { process: server, base: `http://127.0.0.1:${match[1]}` };
  } catch (error) {
    await server.stop(2_000);
    throw error;
  }
}
