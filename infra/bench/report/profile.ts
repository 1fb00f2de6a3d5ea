/**
 * Where the product server's CPU went, from the `.cpuprofile` Node writes on exit under
 * `--cpu-prof`: self time by package (or file of ours) and by function, over the whole run.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  /** Sampled time, idle excluded, in seconds. */
  busySeconds: number;
  byPlace: { place: string; share: number }[];
  byFunction: { fn: string; share: number }[];
}

/** "kysely", "@trpc/server", "node:internal/…", "packages/api/src/…", or what V8 calls it. */
function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const parts = url.slice(modules + "node_modules/".length).split("/");
    return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  if (url.startsWith("node:")) return url.split("/").slice(0, 2).join("/");
  const ours = url.match(/\/(packages\/[^/]+|apps\/[^/]+|infra)\/(.*)$/);
  return ours ? `${ours[1]}/${ours[2]}` : url;
}

function top<K>(totals: Map<K, number>, busy: number, count: number) {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, micros]) => ({ key, share: micros / busy }));
}

/** The main thread's profile: Node writes one per thread (tsx's loader runs in a thread too). */
export async function summarizeProfile(dir: string): Promise<ProfileSummary | null> {
  const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith(".cpuprofile"));
  const summaries = await Promise.all(files.map((file) => summarizeFile(path.join(dir, file))));
  return summaries.sort((a, b) => b.busySeconds - a.busySeconds)[0] ?? null;
}

async function summarizeFile(file: string): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const [id, micros] of selfMicros) {
    const frame = nodes.get(id)?.callFrame;
    if (!frame || frame.functionName === "(idle)") continue;
    busy += micros;
    const place = placeOf(frame.url, frame.functionName);
    byPlace.set(place, (byPlace.get(place) ?? 0) + micros);
    const fn =
      `${frame.functionName || "(anonymous)"} ${frame.url ? `${place}:${frame.lineNumber + 1}` : ""}`.trim();
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
  }
  return {
    file,
    busySeconds: busy / 1e6,
    byPlace: top(byPlace, busy, 15).map(({ key, share }) => ({ place: key, share })),
    byFunction: top(byFunction, busy, 20).map(({ key, share }) => ({ fn: key, share })),
  };
}

export function formatProfile(summary: ProfileSummary): string {
  const pct = (share: number) => `${(share * 100).toFixed(1).padStart(5)}%`;
  return [
    `Where the product server's CPU went (${summary.busySeconds.toFixed(0)} s sampled over the whole run, idle excluded; self time):`,
    ...summary.byPlace.map((p) => `  ${pct(p.share)}  ${p.place}`),
    "Top functions:",
    ...summary.byFunction.map((f) => `  ${pct(f.share)}  ${f.fn}`),
  ].join("\n");
}
