/** The end of a run: the table and notes on the terminal, the results and charts on disk. */
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { type BenchConfig, describeMachine } from "../config";
import type { StepRecord } from "../phases/context";
import { buildCharts } from "./charts";
import { cpuCosts, formatCpuCosts } from "./cpu-cost";
import { formatProfile, summarizeProfile } from "./profile";
import { buildRows } from "./rows";
import { saveResults } from "./save";
import { formatTable } from "./table";

export interface RunRecord {
  config: BenchConfig;
  steps: StepRecord[];
  failures: { phase: string; error: string }[];
  timings: Record<string, string>;
  startedAt: Date;
  stamp: string;
  runId: string;
  resultsDir: string;
  profileDir: string;
  repoRoot: string;
  log(line: string): void;
}

/** The commit measured, and whether the working tree differed from it (read-only git). */
function gitDescription(repoRoot: string): string {
  try {
    const git = (...args: string[]) =>
      execFileSync("git", args, { cwd: repoRoot }).toString().trim();
    const head = git("rev-parse", "--short", "HEAD");
    return git("status", "--porcelain") ? `${head} with uncommitted changes` : head;
  } catch {
    return "unknown";
  }
}

/** Steps during which other processes kept more than a quarter of a core busy. */
function otherWorkNote(steps: readonly StepRecord[], cores: number): string {
  const busy = steps.filter((s) => (s.cpu.other ?? 0) > 0.25);
  const mean = steps.reduce((n, s) => n + (s.cpu.other ?? 0), 0) / Math.max(1, steps.length);
  const listed = busy
    .slice(0, 8)
    .map((s) => `${s.path} ${s.target} ${s.load}: ${(s.cpu.other ?? 0).toFixed(2)}`)
    .join(", ");
  return [
    `The load generator is this process, on the same ${cores} cores; each step's CPU (servers, Postgres, load generator, other) is in the JSON.`,
    `Other processes on the machine used ${mean.toFixed(2)} cores on average during the steps${
      busy.length
        ? `; more than a quarter core in ${busy.length} of ${steps.length} steps (${listed}${busy.length > 8 ? ", ..." : ""}): those figures are suspect`
        : ""
    }.`,
  ].join("\n");
}

export async function reportRun(run: RunRecord): Promise<void> {
  const { config, steps, log } = run;
  const cores = os.cpus().length;
  const rows = buildRows(
    steps,
    1000,
    config.meiliEmulator ? "Meilisearch emulator" : "Postgres engine",
  );
  const context = `${config.messages.toLocaleString("en-US")} messages, ${cores} cores, ${run.stamp}`;
  log(
    `\nBenchmark (${context}; product = npm start on the production build, bare = tRPC + Kysely, same database)\n`,
  );
  log(formatTable(rows));
  const costs = cpuCosts(steps);
  if (costs.length) log(`\n${formatCpuCosts(costs)}`);
  log(`\n${otherWorkNote(steps, cores)}`);
  const profile = config.profile ? await summarizeProfile(run.profileDir) : null;
  if (profile) log(`\n${formatProfile(profile)}`);
  else if (config.profile)
    log("\nNo CPU profile was written (did the product server stop cleanly?)");
  if (run.failures.length)
    log(`\nFailed: ${run.failures.map((f) => `${f.phase}: ${f.error}`).join("\n")}`);
  const written = await saveResults(
    run.resultsDir,
    run.stamp,
    {
      runId: run.runId,
      startedAt: run.startedAt.toISOString(),
      mode: config.quick ? "quick" : "full",
      code: gitDescription(run.repoRoot),
      machine: { ...describeMachine(), loadAverageAtEnd: os.loadavg() },
      config: { ...config, databaseUrl: config.databaseUrl ? "DATABASE_URL" : "embedded" },
      timings: run.timings,
      rows,
      cpuPerRequest: costs,
      failures: run.failures,
      profile,
      steps,
    },
    buildCharts(steps, context),
  );
  log(`\nwrote ${written.map((file) => path.relative(run.repoRoot, file)).join(", ")}`);
  log(`took ${run.timings.total}`);
}
