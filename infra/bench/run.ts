/**
 * `npm run bench` (`-- --quick` for a short run): builds a database of BENCH_MESSAGES messages,
 * starts the production server (`npm start` on the production build) and the bare tRPC + Kysely
 * server on it, and measures every path of issue 8 over real HTTP, product and bare in turn.
 * Prints the table and writes bench-results/<time>.json with a chart per path. Every load is
 * bounded in time and count.
 */
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApps } from "../src/build-apps";
import { readConfig } from "./config";
import { buildBenchData } from "./data/build";
import { openBenchCluster } from "./data/cluster";
import { firstConnectPhase, idlePhase } from "./phases/connections";
import type { BenchContext, StepRecord } from "./phases/context";
import { connectedSendPhase, livePhase } from "./phases/live";
import { requestPaths, requestPhase } from "./phases/requests";
import { searchLagPhase } from "./phases/search-lag";
import { reportRun } from "./report/finish";
import { startBare, startProduct } from "./servers/launch";
import { bareTarget } from "./targets/bare";
import { productTarget, signInAll } from "./targets/product";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const config = readConfig(process.argv.slice(2));
const startedAt = new Date();
const stamp = startedAt.toISOString().replace(/[:.]/g, "-").slice(0, 19);
const runId = `bench${startedAt.getTime().toString(36)}`;
const resultsDir = path.join(repoRoot, "bench-results");
const profileDir = path.join(resultsDir, stamp, "profile");
const log = (line: string) => console.log(line);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(0)} s`;

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
}
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => void cleanUp().then(() => process.exit(130)));

const steps: StepRecord[] = [];
const failures: { phase: string; error: string }[] = [];
const timings: Record<string, string> = {};
const total = performance.now();
try {
  log(
    `bench (${config.quick ? "quick" : "full"}): ${config.messages.toLocaleString("en-US")} messages, ${config.conversations.toLocaleString("en-US")} conversations, ${config.residents.toLocaleString("en-US")} residents, ${os.cpus().length} cores`,
  );
  let t = performance.now();
  log("building the apps (npm run build)");
  await buildApps();
  timings.build = seconds(t);

  t = performance.now();
  log("building the data set");
  const cluster = await openBenchCluster(config.databaseUrl);
  cleanups.push(() => cluster.close());
  const data = await buildBenchData(cluster.url, config, log);
  timings.data = seconds(t);

  t = performance.now();
  if (config.meiliEmulator) {
    const { startMeiliEmulator } = await import("@hearth/search/testing");
    const meili = await startMeiliEmulator({ masterKey: "bench-master-key" });
    cleanups.push(() => meili.close());
    process.env.MEILI_URL = meili.url;
    process.env.MEILI_MASTER_KEY = "bench-master-key";
    log(`search on the Meilisearch emulator at ${meili.url}: measuring the index lag only`);
  }
  const product = await startProduct(cluster.url, {
    profileDir: config.profile ? profileDir : undefined,
  });
  cleanups.push(() => product.process.stop());
  const bare = await startBare(cluster.url);
  cleanups.push(() => bare.process.stop());
  log(
    `production server ${product.manager} (manager), ${product.resident} (resident); bare ${bare.base}`,
  );
  const sessions = await signInAll(product.manager, product.resident, data, config.sendConnections);
  timings.startAndSignIn = seconds(t);
  log(`signed in ${sessions.owner.length + sessions.residents.length} sessions over HTTP`);

  const ctx: BenchContext = {
    config,
    data,
    targets: [
      productTarget(product.process, product, sessions),
      bareTarget(bare.process, bare.base, data),
    ],
    cpuSubjects: {
      product: { pid: product.process.pid },
      bare: { pid: bare.process.pid },
      ...(cluster.postmasterPid ? { postgres: { pid: cluster.postmasterPid, tree: true } } : {}),
    },
    runId,
    log,
    record: (step) => steps.push(step),
  };
  const allPhases: [string, () => Promise<void>][] = [
    ...requestPaths(ctx).map((spec): [string, () => Promise<void>] => [
      spec.path,
      () => requestPhase(ctx, spec),
    ]),
    ["searchLag", () => searchLagPhase(ctx, config.quick ? 20 : 50)],
    ["firstConnect", () => firstConnectPhase(ctx)],
    ["live", () => livePhase(ctx)],
    ["idle", () => idlePhase(ctx)],
    ["connectedSend", () => connectedSendPhase(ctx)],
  ];
  const phases = config.meiliEmulator
    ? allPhases.filter(([name]) => name === "searchLag")
    : allPhases;
  t = performance.now();
  for (const [name, phase] of phases) {
    const phaseStarted = performance.now();
    try {
      await phase();
    } catch (error) {
      failures.push({ phase: name, error: String(error) });
      log(`  ${name} failed: ${String(error)}`);
      if (!product.process.running() || !bare.process.running())
        throw new Error(
          `a server stopped during ${name}:\n${product.process.output()}${bare.process.output()}`,
        );
    }
    timings[name] = seconds(phaseStarted);
  }
  timings.measure = seconds(t);
} catch (error) {
  failures.push({ phase: "setup", error: String(error) });
  log(`bench failed: ${String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
timings.total = seconds(total);

await reportRun({
  config,
  steps,
  failures,
  timings,
  startedAt,
  stamp,
  runId,
  resultsDir,
  profileDir,
  repoRoot,
  log,
});
