/**
 * CPU per request in the closed loops, by process: with the machine's cores all busy, this is
 * what bounds throughput, and the product-minus-bare difference is what its layers cost.
 */
import type { StepRecord } from "../phases/context";

export interface CpuCost {
  path: string;
  target: string;
  throughput: number;
  /** Milliseconds of CPU per request. */
  serverMs: number;
  postgresMs: number;
  loadGeneratorMs: number;
  /** Cores other processes used meanwhile. */
  otherCores: number;
}

export function cpuCosts(steps: readonly StepRecord[]): CpuCost[] {
  return steps
    .filter((s) => s.kind === "closed" && s.round === "all" && s.summary.throughput > 0)
    .map((s) => {
      const perRequest = (cores: number | undefined) =>
        ((cores ?? Number.NaN) / s.summary.throughput) * 1000;
      return {
        path: s.path,
        target: s.target,
        throughput: s.summary.throughput,
        serverMs: perRequest(s.cpu[s.target]),
        postgresMs: perRequest(s.cpu.postgres),
        loadGeneratorMs: perRequest(s.cpu.loadGenerator),
        otherCores: s.cpu.other ?? 0,
      };
    });
}

export function formatCpuCosts(costs: readonly CpuCost[]): string {
  const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(2).padStart(6) : "     -");
  return [
    "CPU per request in the closed loops (ms): server, Postgres, load generator; other processes' cores",
    ...costs.map(
      (c) =>
        `  ${c.path.padEnd(7)} ${c.target.padEnd(8)} ${c.throughput.toFixed(0).padStart(5)}/s  server ${ms(c.serverMs)}  postgres ${ms(c.postgresMs)}  load ${ms(c.loadGeneratorMs)}  other ${c.otherCores.toFixed(2)}`,
    ),
  ].join("\n");
}
