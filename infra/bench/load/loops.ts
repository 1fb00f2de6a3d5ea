import { setTimeout as sleep } from "node:timers/promises";
import type { Answer, Call, HttpClient } from "./http";
import { emptyTally, recordError, type Tally } from "./stats";

export interface LoopOptions {
  client: HttpClient;
  seconds: number;
  /** The i-th request (of `worker`, in a closed loop). */
  make: (i: number, worker: number) => Call;
  /** Each 200 answer, with when its request was due and when the answer came (performance.now()). */
  onAnswer?: (answer: Answer, dueAt: number, answeredAt: number, i: number) => void;
  timeoutMs?: number;
}

async function issue(
  options: LoopOptions,
  tally: Tally,
  call: Call,
  dueAt: number,
  i: number,
): Promise<void> {
  try {
    const answer = await options.client.request(call, options.timeoutMs);
    const answeredAt = performance.now();
    if (answer.status === 200) {
      tally.ok += 1;
      tally.latencies.push(answeredAt - dueAt);
      options.onAnswer?.(answer, dueAt, answeredAt, i);
    } else recordError(tally, `HTTP ${answer.status}: ${answer.body}`);
  } catch (error) {
    recordError(tally, String(error));
  }
}

/** `concurrency` connections, each sending its next request as soon as the last one answered. */
export async function closedLoop(options: LoopOptions & { concurrency: number }): Promise<Tally> {
  const tally = emptyTally();
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        const i = next++;
        await issue(options, tally, options.make(i, worker), performance.now(), i);
      }
    }),
  );
  tally.seconds = (performance.now() - started) / 1000;
  return tally;
}

/**
 * `rate` requests per second on a fixed schedule, whatever the answers do; each latency counts
 * from when its request was due, so a server that falls behind shows its queue. At most
 * `maxInFlight` wait at once; a request due beyond that is counted as dropped, not sent.
 */
export async function openLoop(
  options: LoopOptions & { rate: number; maxInFlight: number },
): Promise<Tally> {
  const tally = emptyTally();
  const started = performance.now();
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const pending = new Set<Promise<void>>();
  let i = 0;
  while (i < total) {
    const now = performance.now();
    for (
      let dueAt = started + i * interval;
      i < total && dueAt <= now;
      dueAt = started + i * interval
    ) {
      if (pending.size >= options.maxInFlight) tally.dropped += 1;
      else {
        const request = issue(options, tally, options.make(i, 0), dueAt, i);
        pending.add(request);
        void request.finally(() => pending.delete(request));
      }
      i += 1;
    }
    await sleep(1);
  }
  tally.seconds = options.seconds;
  await Promise.all(pending);
  return tally;
}
