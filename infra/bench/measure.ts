export interface Measurement {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Runs `task` a fixed number of times after a short warm-up and reports latencies in ms. */
export async function measure(
  name: string,
  runs: number,
  task: () => Promise<unknown>,
): Promise<Measurement> {
  for (let i = 0; i < Math.min(10, runs); i++) await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    name,
    runs,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1) ?? Number.NaN,
  };
}

export function report(results: Measurement[], context: string): void {
  console.log(`Benchmark (${context})`);
  console.log(
    `${"operation".padEnd(66)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max ms".padStart(8)}`,
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(66)} ${r.p50.toFixed(2).padStart(8)} ${r.p95.toFixed(2).padStart(8)} ${r.max.toFixed(2).padStart(8)}`,
    );
  }
}
