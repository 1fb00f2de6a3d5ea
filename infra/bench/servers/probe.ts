/**
 * Loaded into a measured server (`--expose-gc --import`): answers the bench's "memory" message on
 * the IPC channel with the process's memory after full collections, so per-connection figures
 * count live objects, not garbage waiting for the collector. Touches nothing else.
 */
import { setTimeout as sleep } from "node:timers/promises";

interface MemoryReport {
  type: "memory";
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

const collect = (globalThis as { gc?: () => void }).gc;

process.on("message", (message: unknown) => {
  if (message !== "memory") return;
  void (async () => {
    for (let i = 0; i < 3; i++) {
      collect?.();
      await sleep(50);
    }
    const usage = process.memoryUsage();
    const report: MemoryReport = {
      type: "memory",
      rss: usage.rss,
      heapUsed: usage.heapUsed,
      external: usage.external,
      arrayBuffers: usage.arrayBuffers,
    };
    process.send?.(report);
  })();
});
// The channel must not keep a server alive that is told to stop.
process.channel?.unref();
