import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { BenchConfig } from "../config";
import type { BenchData } from "../data/build";
import type { Summary } from "../load/stats";
import { type CpuShares, type CpuSubjects, startCpuInterval } from "../servers/cpu";
import type { Target, TargetName } from "../targets/target";

export type PathName =
  | "send"
  | "inbox"
  | "thread"
  | "search"
  | "searchLag"
  | "live"
  | "idle"
  | "firstConnect"
  | "connectedSend";

/** One measured step: one server, one load, one path. */
export interface StepRecord {
  path: PathName;
  /** closed: N connections back to back; open: a fixed rate; the rest are their own kind. */
  kind: "closed" | "open" | "live" | "memory" | "connect" | "lag";
  target: TargetName;
  /** The closed-loop round, or "all" for the rounds pooled. */
  round: number | "all";
  load: number;
  loadUnit: string;
  summary: Summary;
  /** Cores used during the step by each process (1 = one core busy). */
  cpu: CpuShares;
  /** The load generator's own event-loop delay (p99, ms): high means it, not the server, lagged. */
  loopDelayP99Ms: number;
  extra: Record<string, number>;
}

export interface BenchContext {
  config: BenchConfig;
  data: BenchData;
  /** Product first: steps alternate product, bare, product, bare … */
  targets: Target[];
  cpuSubjects: CpuSubjects;
  runId: string;
  log(line: string): void;
  record(step: StepRecord): void;
}

/** Runs `work` with CPU and event-loop measurement around it. */
export async function measured<T>(
  ctx: BenchContext,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: CpuShares; loopDelayP99Ms: number }> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const stopCpu = startCpuInterval(ctx.cpuSubjects);
  const result = await work();
  const cpu = stopCpu();
  loop.disable();
  return { result, cpu, loopDelayP99Ms: loop.percentile(99) / 1e6 };
}

/** Waits until the server holds no live subscription (closed tabs have been noticed). */
export async function drained(target: Target, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = await target.subscribers();
    if (count === 0) return;
    if (Date.now() > deadline)
      throw new Error(
        `${target.name} still holds ${count} live subscriptions after ${timeoutMs} ms`,
      );
    await sleep(100);
  }
}

export function formatCpu(cpu: CpuShares): string {
  return Object.entries(cpu)
    .map(([name, cores]) => `${name} ${(cores * 100).toFixed(0)}%`)
    .join(", ");
}

/** A short line for the log as each step ends. */
export function describeStep(step: StepRecord): string {
  const s = step.summary;
  const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "-");
  return `  ${step.path} ${step.target.padEnd(7)} ${step.load} ${step.loadUnit}: ${s.throughput.toFixed(0)}/s p50 ${ms(s.p50)} p99 ${ms(s.p99)} ms${s.errors ? ` errors ${s.errors}` : ""}${s.dropped ? ` dropped ${s.dropped}` : ""} | cpu ${formatCpu(step.cpu)}`;
}

let sequence = 0;

/** A client id no other request of this run uses. */
export function nextClientId(ctx: BenchContext, target: Target): string {
  sequence += 1;
  return `${ctx.runId}-${target.name}-${sequence}`;
}

export function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}
