/**
 * A latency-vs-load chart as a self-contained SVG: one line per server and percentile, log scales
 * when the values span more than a decade or two, the goal as a green line.
 */

export interface Series {
  label: string;
  color: string;
  dashed: boolean;
  /** Squares without a line between them. */
  markersOnly?: boolean;
  points: {
    x: number;
    y: number /** Drawn hollow: errors or requests not sent. */;
    strained?: boolean;
  }[];
}

export interface ChartSpec {
  title: string;
  subtitle: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  goal?: { y?: number; x?: number; label: string };
}

const W = 720;
const H = 480;
const M = { left: 70, right: 20, top: 56, bottom: 132 };

interface Scale {
  map(v: number): number;
  ticks: number[];
}

function niceLogTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++)
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= min * 0.999 && v <= max * 1.001) ticks.push(v);
    }
  return ticks;
}

function niceLinearTicks(max: number): number[] {
  const step = 10 ** Math.floor(Math.log10(max / 5 || 1));
  const unit = [1, 2, 5, 10].map((m) => m * step).find((s) => max / s <= 6) ?? step * 10;
  const ticks: number[] = [];
  for (let v = 0; v <= max * 1.0001; v += unit) ticks.push(Number(v.toPrecision(6)));
  return ticks;
}

function scale(values: number[], from: number, to: number, allowLog: boolean): Scale {
  const positive = values.filter((v) => v > 0);
  const min = Math.min(...positive);
  const max = Math.max(...values, 1e-9);
  if (allowLog && positive.length === values.length && max / min >= 20) {
    const lo = 10 ** Math.floor(Math.log10(min));
    const hi = 10 ** Math.ceil(Math.log10(max));
    const span = Math.log10(hi) - Math.log10(lo);
    return {
      map: (v) => from + ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / span) * (to - from),
      ticks: niceLogTicks(lo, hi),
    };
  }
  const ticks = niceLinearTicks(max * 1.05);
  const hi = ticks.at(-1) ?? max;
  const lo = Math.min(0, ...values);
  return { map: (v) => from + ((v - lo) / (hi - lo)) * (to - from), ticks };
}

const xmlText = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const label = (v: number) =>
  v >= 1000 ? `${(v / 1000).toLocaleString("en-US")}k` : Number(v.toPrecision(3)).toString();

export function renderChart(spec: ChartSpec): string {
  const points = spec.series.flatMap((s) => s.points);
  const xs = points.map((p) => p.x);
  if (spec.goal?.x !== undefined) xs.push(spec.goal.x);
  const ys = points.map((p) => p.y).filter(Number.isFinite);
  if (spec.goal?.y !== undefined) ys.push(spec.goal.y);
  const x = scale(xs.length ? xs : [1], M.left, W - M.right, true);
  const y = scale(ys.length ? ys : [1], H - M.bottom, M.top, true);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${M.left}" y="22" font-size="16" font-weight="bold">${xmlText(spec.title)}</text>`,
    `<text x="${M.left}" y="40" fill="#555">${xmlText(spec.subtitle)}</text>`,
  ];
  for (const t of y.ticks) {
    const py = y.map(t).toFixed(1);
    out.push(
      `<line x1="${M.left}" x2="${W - M.right}" y1="${py}" y2="${py}" stroke="#e6e6e6"/>`,
      `<text x="${M.left - 6}" y="${py}" text-anchor="end" dominant-baseline="middle">${label(t)}</text>`,
    );
  }
  for (const t of x.ticks) {
    const px = x.map(t).toFixed(1);
    out.push(
      `<line x1="${px}" x2="${px}" y1="${M.top}" y2="${H - M.bottom}" stroke="#f0f0f0"/>`,
      `<text x="${px}" y="${H - M.bottom + 16}" text-anchor="middle">${label(t)}</text>`,
    );
  }
  out.push(
    `<rect x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}" fill="none" stroke="#999"/>`,
    `<text x="${(M.left + W - M.right) / 2}" y="${H - M.bottom + 36}" text-anchor="middle">${xmlText(spec.xLabel)}</text>`,
    `<text transform="translate(18 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${xmlText(spec.yLabel)}</text>`,
  );
  if (spec.goal?.y !== undefined) {
    const py = y.map(spec.goal.y).toFixed(1);
    out.push(
      `<line x1="${M.left}" x2="${W - M.right}" y1="${py}" y2="${py}" stroke="#2b8a3e" stroke-width="1.5" stroke-dasharray="2 3"/>`,
    );
  }
  if (spec.goal?.x !== undefined && xs.length) {
    const px = x.map(spec.goal.x).toFixed(1);
    out.push(
      `<line x1="${px}" x2="${px}" y1="${M.top}" y2="${H - M.bottom}" stroke="#2b8a3e" stroke-width="1.5" stroke-dasharray="2 3"/>`,
    );
  }
  for (const s of spec.series) {
    const visible = s.points.filter((p) => Number.isFinite(p.y)).sort((a, b) => a.x - b.x);
    if (visible.length === 0) continue;
    if (s.markersOnly) {
      for (const p of visible)
        out.push(
          `<rect x="${(x.map(p.x) - 4.5).toFixed(1)}" y="${(y.map(p.y) - 4.5).toFixed(1)}" width="9" height="9" fill="${s.color}" fill-opacity="0.35" stroke="${s.color}" stroke-width="1.5"/>`,
        );
      continue;
    }
    const path = visible
      .map((p, i) => `${i ? "L" : "M"}${x.map(p.x).toFixed(1)},${y.map(p.y).toFixed(1)}`)
      .join(" ");
    out.push(
      `<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ""}/>`,
    );
    for (const p of visible)
      out.push(
        `<circle cx="${x.map(p.x).toFixed(1)}" cy="${y.map(p.y).toFixed(1)}" r="3.5" fill="${p.strained ? "white" : s.color}" stroke="${s.color}" stroke-width="1.5"/>`,
      );
  }
  const legend = [
    ...spec.series.map((s) => ({
      text: s.label,
      color: s.color,
      dashed: s.dashed,
      square: s.markersOnly ?? false,
    })),
    ...(spec.goal
      ? [{ text: spec.goal.label, color: "#2b8a3e", dashed: true, square: false }]
      : []),
  ];
  legend.forEach((entry, i) => {
    const lx = M.left + (i % 2) * 320;
    const ly = H - M.bottom + 54 + Math.floor(i / 2) * 16;
    out.push(
      entry.square
        ? `<rect x="${lx + 7.5}" y="${ly - 4.5}" width="9" height="9" fill="${entry.color}" fill-opacity="0.35" stroke="${entry.color}" stroke-width="1.5"/>`
        : `<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${entry.color}" stroke-width="2"${entry.dashed ? ' stroke-dasharray="6 4"' : ""}/>`,
      `<text x="${lx + 30}" y="${ly}" dominant-baseline="middle">${xmlText(entry.text)}</text>`,
    );
  });
  out.push("</svg>");
  return out.join("\n");
}
