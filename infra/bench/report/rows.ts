/** The summary table: one row per figure of issue 8's table, product beside bare, with the goal. */
import type { StepRecord } from "../phases/context";
import type { TargetName } from "../targets/target";

export interface Row {
  path: string;
  load: string;
  product: string;
  bare: string;
  /** Product against bare: a share of bare's throughput, or a multiple of bare's latency/memory. */
  ratio: string;
  goal: string;
  met: "yes" | "no" | "-";
}

const ms = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? "-" : Math.abs(v) < 10 ? v.toFixed(1) : v.toFixed(0);
const count = (v: number) => Math.round(v).toLocaleString("en-US");
const times = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b <= 0
    ? "-"
    : `x${(a / b).toFixed(1)}`;
const share = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !b ? "-" : `${((a / b) * 100).toFixed(0)}%`;
const verdict = (ok: boolean | undefined): Row["met"] =>
  ok === undefined ? "-" : ok ? "yes" : "no";

function find(
  steps: readonly StepRecord[],
  target: TargetName,
  match: (s: StepRecord) => boolean,
): StepRecord | undefined {
  return steps.find((s) => s.target === target && match(s));
}

function problems(step: StepRecord): string {
  const s = step.summary;
  const parts = [];
  if (s.errors) parts.push(`${count(s.errors)} failed`);
  if (s.dropped) parts.push(`${count(s.dropped)} not sent`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

function latencyCell(step: StepRecord | undefined, unit: string): string {
  if (!step) return "-";
  const s = step.summary;
  return `${count(s.throughput)} ${unit}, p50 ${ms(s.p50)} / p99 ${ms(s.p99)} ms${problems(step)}`;
}

export function buildRows(
  steps: readonly StepRecord[],
  goalRate: number,
  searchEngine = "Postgres engine",
): Row[] {
  const rows: Row[] = [];
  const pair = (match: (s: StepRecord) => boolean) =>
    [find(steps, "product", match), find(steps, "bare", match)] as const;

  const [sendP, sendB] = pair((s) => s.path === "send" && s.kind === "closed" && s.round === "all");
  if (sendP) {
    const p = sendP.summary;
    rows.push({
      path: "send",
      load: `${sendP.load} connections, closed loop`,
      product: latencyCell(sendP, "msg/s"),
      bare: latencyCell(sendB, "msg/s"),
      ratio: share(p.throughput, sendB?.summary.throughput),
      goal: ">= 1,000 msg/s, p99 <= 50 ms, >= 40% of bare",
      met: verdict(
        p.throughput >= 1000 &&
          p.p99 <= 50 &&
          p.errors === 0 &&
          (sendB ? p.throughput >= 0.4 * sendB.summary.throughput : false),
      ),
    });
  }

  for (const [path, label] of [
    ["inbox", "inbox (conversations.list)"],
    ["thread", "thread page (conversations.messages)"],
  ] as const) {
    const [closedP, closedB] = pair(
      (s) => s.path === path && s.kind === "closed" && s.round === "all",
    );
    if (!closedP) continue;
    rows.push({
      path: label,
      load: `${closedP.load} connections, closed loop`,
      product: latencyCell(closedP, "req/s"),
      bare: latencyCell(closedB, "req/s"),
      ratio: share(closedP.summary.throughput, closedB?.summary.throughput),
      goal: "(the most it serves)",
      met: "-",
    });
    const [atGoalP, atGoalB] = pair(
      (s) => s.path === path && s.kind === "open" && s.load === goalRate,
    );
    const notOffered = (closed: StepRecord | undefined) =>
      closed ? `not offered: saturates at ${count(closed.summary.throughput)} req/s` : "-";
    const p = atGoalP?.summary;
    rows.push({
      path: label,
      load: `${count(goalRate)} req/s offered`,
      product: atGoalP ? latencyCell(atGoalP, "req/s") : notOffered(closedP),
      bare: atGoalB ? latencyCell(atGoalB, "req/s") : notOffered(closedB),
      ratio: times(p?.p99, atGoalB?.summary.p99),
      goal: `p99 <= 20 ms at ${count(goalRate)} req/s`,
      met: verdict(
        p
          ? p.p99 <= 20 && p.errors === 0 && p.dropped === 0 && p.throughput >= 0.95 * goalRate
          : false,
      ),
    });
  }

  const [searchP, searchB] = pair(
    (s) => s.path === "search" && s.kind === "closed" && s.round === "all",
  );
  if (searchP) {
    rows.push({
      path: "search (search.messages, Postgres engine)",
      load: `${searchP.load} connections, closed loop`,
      product: `${latencyCell(searchP, "req/s")}, p95 ${ms(searchP.summary.p95)} ms`,
      bare: latencyCell(searchB, "req/s"),
      ratio: share(searchP.summary.throughput, searchB?.summary.throughput),
      goal: "(the most it serves)",
      met: "-",
    });
    const [atGoalP, atGoalB] = pair(
      (s) => s.path === "search" && s.kind === "open" && s.load === goalRate,
    );
    const p = atGoalP?.summary;
    rows.push({
      path: "search (search.messages, Postgres engine)",
      load: `${count(goalRate)} req/s offered`,
      product: atGoalP
        ? `${latencyCell(atGoalP, "req/s")}, p95 ${ms(p?.p95)} ms`
        : `not offered: saturates at ${count(searchP.summary.throughput)} req/s`,
      bare: atGoalB ? latencyCell(atGoalB, "req/s") : "-",
      ratio: times(p?.p99, atGoalB?.summary.p99),
      goal: `p95 <= 50, p99 <= 100 ms at ${count(goalRate)} req/s`,
      met: verdict(
        p
          ? p.p95 <= 50 &&
              p.p99 <= 100 &&
              p.errors === 0 &&
              p.dropped === 0 &&
              p.throughput >= 0.95 * goalRate
          : false,
      ),
    });
    // Where the goal rate is out of reach, the curve's points below saturation still say how
    // fast one search is.
    for (const step of steps.filter(
      (s) =>
        s.path === "search" && s.kind === "open" && s.target === "product" && s.load !== goalRate,
    )) {
      rows.push({
        path: "search (search.messages, Postgres engine)",
        load: `${count(step.load)} req/s offered`,
        product: `${latencyCell(step, "req/s")}, p95 ${ms(step.summary.p95)} ms`,
        bare: latencyCell(
          find(
            steps,
            "bare",
            (s) => s.path === "search" && s.kind === "open" && s.load === step.load,
          ),
          "req/s",
        ),
        ratio: "-",
        goal: "p95 <= 50, p99 <= 100 ms",
        met: verdict(
          step.summary.p95 <= 50 &&
            step.summary.p99 <= 100 &&
            step.summary.errors === 0 &&
            step.summary.dropped === 0,
        ),
      });
    }
  }
  const lag = find(steps, "product", (s) => s.path === "searchLag");
  if (lag) {
    rows.push({
      path: `search index lag: send answered -> found (${searchEngine})`,
      load: `${lag.load} sends`,
      product: `p50 ${ms(lag.summary.p50)} / p95 ${ms(lag.summary.p95)} / max ${ms(lag.summary.max)} ms${problems(lag)}`,
      bare: "-",
      ratio: "-",
      goal: "p95 <= 2,000 ms",
      met: verdict(lag.summary.p95 <= 2000 && lag.summary.errors === 0),
    });
  }

  const liveLoads = [...new Set(steps.filter((s) => s.path === "live").map((s) => s.load))];
  for (const tabs of liveLoads) {
    const [liveP, liveB] = pair((s) => s.path === "live" && s.load === tabs);
    if (!liveP) continue;
    const cell = (step: StepRecord | undefined) =>
      step
        ? `p50 ${ms(step.summary.p50)} / p99 ${ms(step.summary.p99)} ms, ${count(step.summary.ok)} events${step.summary.errors ? `, ${count(step.summary.errors)} missing` : ""}`
        : "-";
    const p = liveP.summary;
    const atScale = tabs >= 1000;
    rows.push({
      path: "live: send answered -> other tab",
      load: `${count(tabs)} tabs, ${liveP.extra.users} users`,
      product: cell(liveP),
      bare: cell(liveB),
      ratio: times(p.p99, liveB?.summary.p99),
      goal: atScale ? "p50 <= 20 ms, p99 <= 100 ms" : "p50 <= 20 ms",
      met: verdict(p.p50 <= 20 && (!atScale || p.p99 <= 100) && p.errors === 0),
    });
  }

  for (const step of steps.filter((s) => s.path === "idle" && s.target === "product")) {
    const bare = find(steps, "bare", (s) => s.path === "idle" && s.load === step.load);
    const plain = find(steps, "plain", (s) => s.path === "idle" && s.load === step.load);
    const cell = (s: StepRecord | undefined) =>
      s
        ? `${s.extra.rssKbPerConnection?.toFixed(1)} KB RSS, ${s.extra.heapKbPerConnection?.toFixed(1)} KB heap`
        : "-";
    rows.push({
      path: "idle live connection",
      load: `${count(step.load)} open`,
      product: cell(step),
      bare: `${cell(bare)}${plain ? `; plain Node SSE ${plain.extra.rssKbPerConnection?.toFixed(1)} KB RSS` : ""}`,
      ratio: times(step.extra.rssKbPerConnection, bare?.extra.rssKbPerConnection),
      goal: "<= 32 KB each (RSS and heap)",
      met: verdict(
        Math.max(
          step.extra.rssKbPerConnection ?? Number.NaN,
          step.extra.heapKbPerConnection ?? Number.NaN,
        ) <= 32,
      ),
    });
  }

  for (const step of steps.filter((s) => s.path === "firstConnect" && s.target === "product")) {
    const bare = find(steps, "bare", (s) => s.path === "firstConnect" && s.load === step.load);
    const cell = (s: StepRecord | undefined) =>
      s ? `p50 ${ms(s.summary.p50)} / p99 ${ms(s.summary.p99)} ms${problems(s)}` : "-";
    const single = step.load === 1;
    rows.push({
      path: "first live connect -> ready",
      load: `${step.load} at once`,
      product: cell(step),
      bare: cell(bare),
      ratio: times(step.summary.p50, bare?.summary.p50),
      goal: single ? "<= 5 ms (p50)" : "(under load)",
      met: single ? verdict(step.summary.p50 <= 5) : "-",
    });
  }

  const [connP, connB] = pair((s) => s.path === "connectedSend");
  if (connP) {
    const cell = (s: StepRecord | undefined) =>
      s
        ? `send p50 ${ms(s.summary.p50)} / p99 ${ms(s.summary.p99)} ms${problems(s)}; event p99 ${ms(s.extra.deliveryP99)} ms`
        : "-";
    rows.push({
      path: "send with live tabs open",
      load: `${count(connP.extra.tabs ?? 0)} tabs, ${connP.load} msg/s`,
      product: cell(connP),
      bare: cell(connB),
      ratio: times(connP.summary.p99, connB?.summary.p99),
      goal: "send p99 < 100 ms",
      met: verdict(connP.summary.p99 < 100 && connP.summary.errors === 0),
    });
  }
  return rows;
}
