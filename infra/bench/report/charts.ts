/** The charts of a run, one per path, from its recorded steps. */
import type { PathName, StepRecord } from "../phases/context";
import type { TargetName } from "../targets/target";
import type { ChartSpec, Series } from "./chart";

const COLORS: Record<TargetName, string> = {
  product: "#d9480f",
  bare: "#1c6fc2",
  plain: "#7048e8",
};

/** A figure to doubt: requests failed or not sent, the rate not reached, or the machine busy. */
function strained(step: StepRecord): boolean {
  const s = step.summary;
  return (
    s.errors > 0 ||
    s.dropped > 0 ||
    (step.kind === "open" && s.throughput < 0.95 * step.load) ||
    (step.cpu.other ?? 0) > 0.25
  );
}

function latencySeries(steps: readonly StepRecord[], match: (s: StepRecord) => boolean): Series[] {
  const series: Series[] = [];
  for (const target of ["product", "bare"] as const)
    for (const [percentile, dashed] of [
      ["p50", false],
      ["p99", true],
    ] as const)
      series.push({
        label: `${target} ${percentile}`,
        color: COLORS[target],
        dashed,
        points: steps
          .filter((s) => s.target === target && match(s))
          .map((s) => ({ x: s.load, y: s.summary[percentile], strained: strained(s) })),
      });
  return series;
}

export function buildCharts(
  steps: readonly StepRecord[],
  context: string,
): { name: PathName; spec: ChartSpec }[] {
  const charts: { name: PathName; spec: ChartSpec }[] = [];
  const hollow = "hollow: failures, rate not reached, or other work on the machine";
  const open = (path: PathName, title: string, unit: string, goalMs: number) => {
    const series = latencySeries(steps, (s) => s.path === path && s.kind === "open");
    if (series.every((s) => s.points.length === 0)) return;
    for (const target of ["product", "bare"] as const) {
      const closed = steps.find(
        (s) => s.path === path && s.kind === "closed" && s.round === "all" && s.target === target,
      );
      if (closed)
        series.push({
          label: `${target} p99 at its most (${closed.load} connections back to back)`,
          color: COLORS[target],
          dashed: false,
          markersOnly: true,
          points: [{ x: closed.summary.throughput, y: closed.summary.p99 }],
        });
    }
    charts.push({
      name: path,
      spec: {
        title,
        subtitle: `${context}; ${hollow}`,
        xLabel: `offered load (${unit}, fixed rate; squares: what the closed loop reached)`,
        yLabel: "latency (ms, from when the request was due)",
        series,
        goal: { y: goalMs, x: 1000, label: `goal: p99 <= ${goalMs} ms at 1,000 ${unit}` },
      },
    });
  };
  open("send", "send (conversations.send)", "msg/s", 50);
  open("inbox", "inbox (conversations.list)", "req/s", 20);
  open("thread", "thread page (conversations.messages)", "req/s", 20);
  open("search", "search (search.messages)", "req/s", 100);

  const live = latencySeries(steps, (s) => s.path === "live");
  if (live.some((s) => s.points.length))
    charts.push({
      name: "live",
      spec: {
        title: "live: send answered -> event in another tab",
        subtitle: `${context}; owner sends at a fixed rate, tabs spread over residents`,
        xLabel: "open tabs",
        yLabel: "latency (ms, from the send's answer)",
        series: live,
        goal: { y: 100, label: "goal: p99 <= 100 ms at 1,000 tabs" },
      },
    });

  const idle: Series[] = [];
  for (const target of ["product", "bare", "plain"] as const)
    for (const [key, what, dashed] of [
      ["rssKbPerConnection", "RSS", false],
      ["heapKbPerConnection", "heap", true],
    ] as const)
      idle.push({
        label: `${target === "plain" ? "plain Node SSE" : target} ${what}`,
        color: COLORS[target],
        dashed,
        points: steps
          .filter((s) => s.path === "idle" && s.target === target)
          .map((s) => ({ x: s.load, y: s.extra[key] ?? Number.NaN })),
      });
  if (idle.some((s) => s.points.length))
    charts.push({
      name: "idle",
      spec: {
        title: "idle live connection: server memory per connection",
        subtitle: `${context}; after full collections, growth divided by connections`,
        xLabel: "open live connections",
        yLabel: "KB per connection",
        series: idle,
        goal: { y: 32, label: "goal: <= 32 KB" },
      },
    });

  const connect = latencySeries(steps, (s) => s.path === "firstConnect");
  if (connect.some((s) => s.points.length))
    charts.push({
      name: "firstConnect",
      spec: {
        title: 'first live connect: request -> "ready" event',
        subtitle: context,
        xLabel: "connects at once",
        yLabel: "latency (ms)",
        series: connect,
        goal: { y: 5, label: "goal: <= 5 ms" },
      },
    });
  return charts;
}
