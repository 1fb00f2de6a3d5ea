import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

interface ProcStat {
  ppid: number;
  /** User plus system CPU, in seconds. */
  cpu: number;
  /** The same of its children that have exited and been waited for. */
  reapedChildren: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces; the fields after its closing parenthesis do not.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return {
      ppid: Number(fields[1]),
      cpu: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond,
      reapedChildren: (Number(fields[13]) + Number(fields[14])) / ticksPerSecond,
    };
  } catch {
    return null;
  }
}

/** CPU seconds used so far by `pid` alone. */
export function processCpu(pid: number): number {
  return readStat(pid)?.cpu ?? 0;
}

/**
 * CPU seconds used so far by a postmaster and every backend and helper it started: those alive
 * now, and those gone (a parallel worker, a closed connection), which the postmaster has reaped.
 */
export function postgresCpu(postmasterPid: number): number {
  const postmaster = readStat(postmasterPid);
  let total = (postmaster?.cpu ?? 0) + (postmaster?.reapedChildren ?? 0);
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (stat?.ppid === postmasterPid) total += stat.cpu;
  }
  return total;
}

/** CPU seconds the whole machine has been busy (all cores, every process). */
function machineCpu(): number {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return (
    ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) /
    ticksPerSecond
  );
}

/** The pids whose CPU a run reports, by name. */
export type CpuSubjects = Record<string, { pid: number; tree?: boolean }>;

/**
 * Each subject's CPU over the interval in cores (1 = one core busy), the load generator's (this
 * process), and `other`: whatever else kept the machine busy meanwhile (other people's work on a
 * shared machine shows up here, and makes the step's figures suspect).
 */
export interface CpuShares {
  [name: string]: number;
}

/** Starts an interval; the returned function gives each subject's cores used since. */
export function startCpuInterval(subjects: CpuSubjects): () => CpuShares {
  const read = () =>
    Object.fromEntries(
      Object.entries(subjects).map(([name, s]) => [
        name,
        s.tree ? postgresCpu(s.pid) : processCpu(s.pid),
      ]),
    );
  const before = read();
  const machineBefore = machineCpu();
  const self = process.cpuUsage();
  const started = performance.now();
  return () => {
    const after = read();
    const machine = machineCpu() - machineBefore;
    const seconds = (performance.now() - started) / 1000;
    const own = process.cpuUsage(self);
    const shares: CpuShares = {};
    let measuredCpu = 0;
    for (const name of Object.keys(subjects)) {
      const used = (after[name] ?? 0) - (before[name] ?? 0);
      measuredCpu += used;
      shares[name] = used / seconds;
    }
    const ownCpu = (own.user + own.system) / 1e6;
    shares.loadGenerator = ownCpu / seconds;
    shares.other = Math.max(0, machine - measuredCpu - ownCpu) / seconds;
    return shares;
  };
}

/** The mean of several intervals' shares. */
export function averageCpu(samples: readonly CpuShares[]): CpuShares {
  const total: CpuShares = {};
  for (const sample of samples)
    for (const [name, cores] of Object.entries(sample)) total[name] = (total[name] ?? 0) + cores;
  for (const name of Object.keys(total)) total[name] = (total[name] ?? 0) / samples.length;
  return total;
}
