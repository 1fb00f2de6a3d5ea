import { type ChildProcess, spawn } from "node:child_process";
import { waitForHealth } from "../src/wait";

export interface StartedProcess {
  child: ChildProcess;
  /** The last of what it printed. */
  output(): string;
  /** Resolves with the exit code (null when killed). */
  exited: Promise<number | null>;
  /** Resolves once every URL answers 200; fails if the process exits first or time runs out. */
  healthy(urls: string[], timeoutMs: number): Promise<void>;
  /** SIGTERM, then SIGKILL to its process group if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<number | null>;
}

/** Starts a process of the test's own, in a process group of its own so it can be ended whole. */
export function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): StartedProcess {
  const child = spawn(command, args, {
    ...options,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  return {
    child,
    output: () => output,
    exited,
    async healthy(urls, timeoutMs) {
      const exitedEarly = exited.then((code) => {
        throw new Error(`${command} exited (${code}) before it was healthy:\n${output}`);
      });
      await Promise.race([
        Promise.all(urls.map((url) => waitForHealth(url, timeoutMs))),
        exitedEarly,
      ]);
    },
    async stop(graceMs = 15_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(killGroup, graceMs);
      const code = await exited;
      clearTimeout(timer);
      // Whatever it started and left behind (a compiler service, say) goes with it.
      killGroup();
      return code;
    },
  };
}
