/**
 * The request paths (send, inbox, thread page): for each, a closed loop per server in rounds that
 * alternate product and bare, then a sweep of fixed offered rates (the latency-vs-load curve),
 * product and bare at each rate in turn: the configured rates, and half and 90% of what each
 * server reached in its closed loop. A server is offered at most 1.5 times what it reached: past
 * that its queue only grows until the requests time out.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { type Call, createHttpClient, type HttpClient } from "../load/http";
import { closedLoop, openLoop } from "../load/loops";
import { mergeTallies, summarize, type Tally } from "../load/stats";
import { averageCpu } from "../servers/cpu";
import type { Target, TargetName } from "../targets/target";
import {
  type BenchContext,
  describeStep,
  measured,
  nextClientId,
  pick,
  type StepRecord,
} from "./context";

interface RequestPath {
  path: "send" | "inbox" | "thread" | "search";
  unit: "msg/s" | "req/s";
  connections: number;
  rates: number[];
  call(ctx: BenchContext, target: Target, connection: number): Call;
}

const MAX_IN_FLIGHT = 256;

export function requestPaths(ctx: BenchContext): RequestPath[] {
  const { config, data } = ctx;
  return [
    {
      path: "send",
      unit: "msg/s",
      connections: config.sendConnections,
      rates: config.sendRates,
      call: (ctx, target, connection) =>
        target.send(
          connection,
          pick(data.conversations).id,
          nextClientId(ctx, target),
          "Bench message about the hallway light and the water heater",
        ),
    },
    {
      path: "inbox",
      unit: "req/s",
      connections: config.readConnections,
      rates: config.readRates,
      call: (_ctx, target, connection) => target.inbox(connection),
    },
    {
      path: "thread",
      unit: "req/s",
      connections: config.readConnections,
      rates: config.readRates,
      call: (_ctx, target, connection) => target.thread(connection, pick(data.conversations).id),
    },
    {
      path: "search",
      unit: "req/s",
      connections: config.readConnections,
      rates: config.readRates,
      call: (_ctx, target, connection) => target.search(connection, searchText(data.messages)),
    },
  ];
}

/**
 * What the owner searches for: words of every message (a fifth of them each), a prefix, and the
 * number of one message or a word of none, which the full-text index must look up.
 */
function searchText(messages: number): string {
  const texts = ["parking permit", "water heater", "hall", "rent", "front desk package", "zebra"];
  const roll = Math.floor(Math.random() * (texts.length + 1));
  return texts[roll] ?? String(1 + Math.floor(Math.random() * messages));
}

/** Two significant digits: 187 → 190, 43 → 43. */
function niceRate(rate: number): number {
  if (rate < 1) return 0;
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(rate)) - 1);
  return Math.round(rate / unit) * unit;
}

/** A client of its own per step, so no step reuses a socket the server closed while idle. */
async function withClient<T>(run: (client: HttpClient) => Promise<T>): Promise<T> {
  const client = createHttpClient(MAX_IN_FLIGHT);
  try {
    return await run(client);
  } finally {
    client.close();
  }
}

function closedRun(ctx: BenchContext, spec: RequestPath, target: Target, seconds: number) {
  return withClient((client) =>
    measured(ctx, () =>
      closedLoop({
        client,
        seconds,
        concurrency: spec.connections,
        make: (_i, worker) => spec.call(ctx, target, worker),
      }),
    ),
  );
}

function finish(ctx: BenchContext, step: StepRecord): Promise<void> {
  ctx.record(step);
  ctx.log(describeStep(step));
  return sleep(500);
}

export async function requestPhase(ctx: BenchContext, spec: RequestPath): Promise<void> {
  const { config } = ctx;
  ctx.log(`${spec.path}: warm-up, then ${config.rounds} closed-loop rounds per server`);
  for (const target of ctx.targets)
    await closedRun(ctx, spec, target, Math.min(2, config.stepSeconds));
  const rounds = new Map<TargetName, { tally: Tally; step: StepRecord }[]>();
  for (let round = 0; round < config.rounds; round++)
    for (const target of ctx.targets) {
      const { result, cpu, loopDelayP99Ms } = await closedRun(
        ctx,
        spec,
        target,
        config.stepSeconds,
      );
      const step: StepRecord = {
        path: spec.path,
        kind: "closed",
        target: target.name,
        round,
        load: spec.connections,
        loadUnit: "connections",
        summary: summarize(result),
        cpu,
        loopDelayP99Ms,
        extra: {},
      };
      rounds.set(target.name, [...(rounds.get(target.name) ?? []), { tally: result, step }]);
      await finish(ctx, step);
    }
  const ceiling = new Map<TargetName, number>();
  const rates = new Set(spec.rates);
  for (const target of ctx.targets) {
    const runs = rounds.get(target.name) ?? [];
    const pooled = summarize(mergeTallies(runs.map((r) => r.tally)));
    ceiling.set(target.name, pooled.throughput * 1.5);
    // Half and most of what it reached, so even a slow server's curve has points below saturation.
    for (const share of [0.5, 0.9]) rates.add(niceRate(pooled.throughput * share));
    ctx.record({
      ...runs[0]!.step,
      round: "all",
      summary: pooled,
      cpu: averageCpu(runs.map((r) => r.step.cpu)),
      loopDelayP99Ms: Math.max(...runs.map((r) => r.step.loopDelayP99Ms)),
    });
  }
  const lowest = Math.min(...spec.rates);
  for (const rate of [...rates].filter((r) => r > 0).sort((a, b) => a - b))
    for (const target of ctx.targets) {
      if (rate > lowest && rate > (ceiling.get(target.name) ?? 0)) continue;
      const { result, cpu, loopDelayP99Ms } = await withClient((client) =>
        measured(ctx, () =>
          openLoop({
            client,
            seconds: config.stepSeconds,
            rate,
            maxInFlight: MAX_IN_FLIGHT,
            make: (i) => spec.call(ctx, target, i),
          }),
        ),
      );
      await finish(ctx, {
        path: spec.path,
        kind: "open",
        target: target.name,
        round: 0,
        load: rate,
        loadUnit: spec.unit,
        summary: summarize(result),
        cpu,
        loopDelayP99Ms,
        extra: {},
      });
    }
}
