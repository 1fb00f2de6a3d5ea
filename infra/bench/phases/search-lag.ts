/**
 * How long after a send is acknowledged its message can be found: the owner sends a message
 * with a word of its own, then searches for that word every 10 ms until the message is a hit.
 * On the Postgres engine the search reads the table, so this is the time of one search; on
 * Meilisearch (MEILI_URL) it is the outbox, the indexer and Meilisearch's own indexing. Product
 * only: the bare server has no index.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { createHttpClient, trpcData } from "../load/http";
import { emptyTally, recordError, summarize } from "../load/stats";
import { type BenchContext, describeStep, measured, nextClientId, pick } from "./context";

const POLL_MS = 10;
const GIVE_UP_MS = 30_000;

/** A word no other message has: letters only, so it is one lexeme. */
function uniqueWord(i: number): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  let word = "lag";
  for (let n = i * 7919 + Date.now(); word.length < 12; n = Math.floor(n / letters.length))
    word += letters[n % letters.length];
  return word;
}

export async function searchLagPhase(ctx: BenchContext, samples: number): Promise<void> {
  const target = ctx.targets.find((candidate) => candidate.name === "product");
  if (!target) return;
  ctx.log(`search index lag: ${samples} sends, each searched for until found`);
  const client = createHttpClient(4);
  const tally = emptyTally();
  try {
    const { cpu, loopDelayP99Ms } = await measured(ctx, async () => {
      const started = performance.now();
      for (let i = 0; i < samples; i++) {
        const word = uniqueWord(i);
        const sent = await client.request(
          target.send(
            0,
            pick(ctx.data.conversations).id,
            nextClientId(ctx, target),
            `Bench lag check ${word}`,
          ),
        );
        if (sent.status !== 200) {
          recordError(tally, `send: HTTP ${sent.status}`);
          continue;
        }
        const acknowledged = performance.now();
        for (;;) {
          const answer = await client.request(target.search(0, word));
          const hits = (trpcData(answer.body) as { hits?: unknown[] } | undefined)?.hits;
          if (answer.status === 200 && Array.isArray(hits) && hits.length > 0) {
            tally.latencies.push(performance.now() - acknowledged);
            tally.ok += 1;
            break;
          }
          if (performance.now() - acknowledged > GIVE_UP_MS) {
            recordError(tally, `not found after ${GIVE_UP_MS} ms`);
            break;
          }
          await sleep(POLL_MS);
        }
        await sleep(50);
      }
      tally.seconds = (performance.now() - started) / 1000;
    });
    const step = {
      path: "searchLag" as const,
      kind: "lag" as const,
      target: target.name,
      round: 0,
      load: samples,
      loadUnit: "sends",
      summary: summarize(tally),
      cpu,
      loopDelayP99Ms,
      extra: {},
    };
    ctx.record(step);
    ctx.log(describeStep(step));
  } finally {
    client.close();
  }
}
