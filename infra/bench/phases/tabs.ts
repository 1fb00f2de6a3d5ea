/**
 * Live tabs under a send load: `tabs` streams spread round-robin over the first `users` bench
 * residents, while the owner sends at `rate` into those residents' conversations. Each delivery
 * is timed against its send: from the send's answer (the commit has happened by then, so this is
 * close to commit → tab, and can be slightly negative when the event beats the answer) and from
 * the send's start.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { BenchConversation } from "../data/build";
import { createHttpClient, trpcData } from "../load/http";
import { openLoop } from "../load/loops";
import { openTab, openTabs } from "../load/sse";
import { emptyTally, percentile, type Tally } from "../load/stats";
import type { CpuShares } from "../servers/cpu";
import type { Target } from "../targets/target";
import { type BenchContext, drained, measured, nextClientId, pick } from "./context";

export interface TabsRun {
  /** The send requests. */
  sends: Tally;
  /** Deliveries, timed from the send's answer; a delivery that never came counts as an error. */
  deliveries: Tally;
  extra: Record<string, number>;
  /** Measured over the sending only, not the opening of the tabs. */
  cpu: CpuShares;
  loopDelayP99Ms: number;
}

interface Sent {
  startedAt: number;
  answeredAt: number;
  resident: number;
}

export async function runTabs(
  ctx: BenchContext,
  target: Target,
  options: { tabs: number; users: number; rate: number; seconds: number },
): Promise<TabsRun> {
  const users = Math.min(options.users, ctx.data.residents.length, options.tabs);
  const tabsOf = new Map<number, number>();
  for (let j = 0; j < options.tabs; j++) tabsOf.set(j % users, (tabsOf.get(j % users) ?? 0) + 1);
  const conversations = ctx.data.conversations.filter((c) => c.resident < users);
  const arrivals = new Map<number, number[]>();
  const { tabs, readyMs } = await openTabs(options.tabs, 100, (j) =>
    openTab(target.live(j % users), (messageId, at) => {
      const list = arrivals.get(messageId);
      if (list) list.push(at);
      else arrivals.set(messageId, [at]);
    }),
  );
  const client = createHttpClient(64);
  const chosen: BenchConversation[] = [];
  const sent = new Map<number, Sent>();
  let sending: Awaited<ReturnType<typeof measured<Tally>>>;
  try {
    sending = await measured(ctx, () =>
      openLoop({
        client,
        seconds: options.seconds,
        rate: options.rate,
        maxInFlight: 64,
        make: (i) => {
          const conversation = pick(conversations);
          chosen[i] = conversation;
          return target.send(0, conversation.id, nextClientId(ctx, target), "Live bench message");
        },
        onAnswer: (answer, dueAt, answeredAt, i) => {
          const id = (trpcData(answer.body) as { id?: number } | undefined)?.id;
          if (typeof id === "number")
            sent.set(id, { startedAt: dueAt, answeredAt, resident: chosen[i]!.resident });
        },
      }),
    );
    const expectedTotal = () =>
      [...sent.values()].reduce((n, s) => n + (tabsOf.get(s.resident) ?? 0), 0);
    const receivedTotal = () =>
      [...sent.keys()].reduce((n, id) => n + (arrivals.get(id)?.length ?? 0), 0);
    const graceUntil = Date.now() + 5_000;
    while (receivedTotal() < expectedTotal() && Date.now() < graceUntil) await sleep(50);
  } finally {
    for (const tab of tabs) tab.close();
    client.close();
  }
  await drained(target);

  const deliveries = emptyTally();
  const fromStart: number[] = [];
  let expected = 0;
  for (const [id, s] of sent) {
    const want = tabsOf.get(s.resident) ?? 0;
    const got = (arrivals.get(id) ?? []).slice(0, want);
    expected += want;
    for (const at of got) {
      deliveries.latencies.push(at - s.answeredAt);
      fromStart.push(at - s.startedAt);
    }
    deliveries.ok += got.length;
    deliveries.errors += want - got.length;
  }
  deliveries.seconds = options.seconds;
  if (deliveries.errors > 0)
    deliveries.errorSamples.push(`${deliveries.errors} deliveries missing`);
  fromStart.sort((a, b) => a - b);
  const sends = sending.result;
  const sendLatencies = [...sends.latencies].sort((a, b) => a - b);
  const ready = [...readyMs].sort((a, b) => a - b);
  return {
    sends,
    deliveries,
    cpu: sending.cpu,
    loopDelayP99Ms: sending.loopDelayP99Ms,
    extra: {
      tabs: options.tabs,
      users,
      expected,
      received: deliveries.ok,
      fromSendStartP50: percentile(fromStart, 50),
      fromSendStartP99: percentile(fromStart, 99),
      sendP50: percentile(sendLatencies, 50),
      sendP99: percentile(sendLatencies, 99),
      sendErrors: sends.errors,
      readyP50: percentile(ready, 50),
      readyP99: percentile(ready, 99),
    },
  };
}
