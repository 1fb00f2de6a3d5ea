import { type ChildProcess, spawn } from "node:child_process";

export interface MemorySample {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface ServerProcess {
  pid: number;
  /** The last of what it printed, for error messages. */
  output(): string;
  running(): boolean;
  /** Waits until its output matches `pattern`; fails if it exits first or after `timeoutMs`. */
  printed(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Memory after full collections, as servers/probe.ts reports it. */
  memory(): Promise<MemorySample>;
  /** SIGTERM, then SIGKILL to its process group after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts a measured server in its own process group, with an IPC channel for the memory probe. */
export function startServerProcess(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): ServerProcess {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    detached: true,
  });
  if (!child.pid) throw new Error(`could not start ${args.join(" ")}`);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const pid = child.pid;
  return {
    pid,
    output: () => output,
    running: () => child.exitCode === null && child.signalCode === null,
    async printed(pattern, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = output.match(pattern);
        if (match) return match;
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`server exited before it was ready:\n${output}`);
        if (Date.now() > deadline)
          throw new Error(`server not ready in ${timeoutMs} ms:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    memory() {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no memory report in 10 s")), 10_000);
        const onMessage = (message: unknown) => {
          const report = message as { type?: string } & MemorySample;
          if (report?.type !== "memory") return;
          clearTimeout(timer);
          child.off("message", onMessage);
          resolve({
            rss: report.rss,
            heapUsed: report.heapUsed,
            external: report.external,
            arrayBuffers: report.arrayBuffers,
          });
        };
        child.on("message", onMessage);
        child.send("memory");
      });
    },
    async stop(graceMs = 15_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // gone already
        }
      }, graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
