/**
 * Live delivery at 10, 100, 1,000 tabs (one tab per resident up to the residents there are), and
 * the send latency while 5,000 tabs are open: product and bare in turn at each load.
 */
import { summarize } from "../load/stats";
import { type BenchContext, describeStep } from "./context";
import { runTabs } from "./tabs";

export async function livePhase(ctx: BenchContext): Promise<void> {
  const { config } = ctx;
  ctx.log(`live: ${config.liveTabs.join(", ")} tabs, ${config.liveRate} msg/s`);
  for (const tabs of config.liveTabs)
    for (const target of ctx.targets) {
      const result = await runTabs(ctx, target, {
        tabs,
        users: tabs,
        rate: config.liveRate,
        seconds: config.stepSeconds,
      });
      const step = {
        path: "live" as const,
        kind: "live" as const,
        target: target.name,
        round: 0,
        load: tabs,
        loadUnit: "tabs",
        summary: summarize(result.deliveries),
        cpu: result.cpu,
        loopDelayP99Ms: result.loopDelayP99Ms,
        extra: result.extra,
      };
      ctx.record(step);
      ctx.log(describeStep(step));
    }
}

export async function connectedSendPhase(ctx: BenchContext): Promise<void> {
  const { config } = ctx;
  ctx.log(`send while ${config.connectedTabs} tabs are open, ${config.connectedRate} msg/s`);
  for (const target of ctx.targets) {
    const result = await runTabs(ctx, target, {
      tabs: config.connectedTabs,
      users: ctx.data.residents.length,
      rate: config.connectedRate,
      seconds: config.connectedSeconds,
    });
    const deliveries = summarize(result.deliveries);
    const step = {
      path: "connectedSend" as const,
      kind: "live" as const,
      target: target.name,
      round: 0,
      load: config.connectedRate,
      loadUnit: `msg/s, ${config.connectedTabs} tabs`,
      summary: summarize(result.sends),
      cpu: result.cpu,
      loopDelayP99Ms: result.loopDelayP99Ms,
      extra: { ...result.extra, deliveryP50: deliveries.p50, deliveryP99: deliveries.p99 },
    };
    ctx.record(step);
    ctx.log(describeStep(step));
  }
}
