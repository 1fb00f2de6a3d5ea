/** Latencies and counts of one measured step, and their summary. */
export interface Tally {
  latencies: number[];
  ok: number;
  /** Answers other than 200, and requests that failed or timed out. */
  errors: number;
  /** Requests an open loop did not send because too many were in flight (the server fell behind). */
  dropped: number;
  seconds: number;
  /** A few error descriptions, to show what went wrong. */
  errorSamples: string[];
}

export interface Summary {
  count: number;
  ok: number;
  errors: number;
  dropped: number;
  seconds: number;
  /** Successful requests per second. */
  throughput: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  errorSamples: string[];
}

export function emptyTally(): Tally {
  return { latencies: [], ok: 0, errors: 0, dropped: 0, seconds: 0, errorSamples: [] };
}

export function recordError(tally: Tally, what: string): void {
  tally.errors += 1;
  if (tally.errorSamples.length < 5) tally.errorSamples.push(what.slice(0, 300));
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

export function summarize(tally: Tally): Summary {
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  return {
    count: tally.ok + tally.errors,
    ok: tally.ok,
    errors: tally.errors,
    dropped: tally.dropped,
    seconds: tally.seconds,
    throughput: tally.seconds > 0 ? tally.ok / tally.seconds : 0,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    errorSamples: tally.errorSamples,
  };
}

/** Pools the tallies of several rounds into one. */
export function mergeTallies(tallies: readonly Tally[]): Tally {
  const merged = emptyTally();
  for (const t of tallies) {
    for (const latency of t.latencies) merged.latencies.push(latency);
    merged.ok += t.ok;
    merged.errors += t.errors;
    merged.dropped += t.dropped;
    merged.seconds += t.seconds;
    for (const sample of t.errorSamples)
      if (merged.errorSamples.length < 5) merged.errorSamples.push(sample);
  }
  return merged;
}
