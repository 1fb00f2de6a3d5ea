/**
 * Live connections themselves: the memory an idle one holds (the server's RSS and heap after full
 * collections, before and after opening N, divided by N), and the time from opening a stream to
 * its "ready" event at a few concurrencies. Product and bare in turn at each load.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { openTab, openTabs } from "../load/sse";
import { emptyTally, summarize } from "../load/stats";
import { type BenchContext, describeStep, drained, measured } from "./context";

const KB = 1024;

export async function idlePhase(ctx: BenchContext): Promise<void> {
  const residents = ctx.data.residents.length;
  ctx.log(`idle live connections: ${ctx.config.idleConnections.join(", ")}`);
  const variants = ctx.targets.flatMap((target) => [
    { name: target.name, target, live: (r: number) => target.live(r) },
    ...(target.plainLive
      ? [{ name: "plain" as const, target, live: target.plainLive.bind(target) }]
      : []),
  ]);
  for (const count of ctx.config.idleConnections)
    for (const { name, target, live } of variants) {
      const before = await target.memory();
      const { result, cpu, loopDelayP99Ms } = await measured(ctx, () =>
        openTabs(count, 200, (j) => openTab(live(j % residents), () => {})),
      );
      await sleep(1_000);
      const after = await target.memory();
      for (const tab of result.tabs) tab.close();
      await drained(target);
      const ready = emptyTally();
      ready.latencies = result.readyMs;
      ready.ok = result.readyMs.length;
      const step = {
        path: "idle" as const,
        kind: "memory" as const,
        target: name,
        round: 0,
        load: count,
        loadUnit: "connections",
        summary: summarize(ready),
        cpu,
        loopDelayP99Ms,
        extra: {
          rssKbPerConnection: (after.rss - before.rss) / KB / count,
          heapKbPerConnection: (after.heapUsed - before.heapUsed) / KB / count,
          externalKbPerConnection: (after.external - before.external) / KB / count,
          rssMbBefore: before.rss / KB / KB,
          rssMbAfter: after.rss / KB / KB,
        },
      };
      ctx.record(step);
      ctx.log(
        `${describeStep(step)} | ${step.extra.rssKbPerConnection.toFixed(1)} KB RSS, ${step.extra.heapKbPerConnection.toFixed(1)} KB heap per connection`,
      );
    }
}

export async function firstConnectPhase(ctx: BenchContext): Promise<void> {
  const { config } = ctx;
  const residents = ctx.data.residents.length;
  ctx.log(
    `first live connect: ${config.firstConnects} per server at ${config.firstConnectConcurrency.join(", ")} at once`,
  );
  for (const target of ctx.targets) {
    const { tabs } = await openTabs(20, 1, (j) => openTab(target.live(j % residents), () => {}));
    for (const tab of tabs) tab.close();
    await drained(target);
  }
  for (const concurrency of config.firstConnectConcurrency)
    for (const target of ctx.targets) {
      const { result, cpu, loopDelayP99Ms } = await measured(ctx, async () => {
        const tally = emptyTally();
        const started = performance.now();
        for (let done = 0; done < config.firstConnects; done += concurrency) {
          const batch = Math.min(concurrency, config.firstConnects - done);
          const { tabs, readyMs } = await openTabs(batch, batch, (j) =>
            openTab(target.live((done + j) % residents), () => {}),
          );
          for (const tab of tabs) tab.close();
          tally.latencies.push(...readyMs);
          tally.ok += readyMs.length;
        }
        tally.seconds = (performance.now() - started) / 1000;
        return tally;
      });
      await drained(target);
      const step = {
        path: "firstConnect" as const,
        kind: "connect" as const,
        target: target.name,
        round: 0,
        load: concurrency,
        loadUnit: "at once",
        summary: summarize(result),
        cpu,
        loopDelayP99Ms,
        extra: {},
      };
      ctx.record(step);
      ctx.log(describeStep(step));
    }
}
