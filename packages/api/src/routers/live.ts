import { tracked } from "@trpc/server";
import { z } from "zod";
import { readUserLog } from "../realtime/event-log";
import { type EventPosition, formatPosition, isAfter, parsePosition } from "../realtime/position";
import { memberProcedure, router } from "../trpc";

/** Events a reconnect back-fills one by one; past this it is told to refetch everything. */
const BACKFILL_LIMIT = 1000;

export const liveRouter = router({
  /**
   * Live events for the signed-in user's conversations (SSE). Each event's id is its position in
   * the event log; a reconnect sends the last one and first gets what it missed from the log.
   * "ready" marks the switch to live delivery: a client without a position refetches then.
   */
  events: memberProcedure
    .input(z.strictObject({ lastEventId: z.string().max(60).nullish() }).default({}))
    .subscription(async function* ({ ctx, input, signal }) {
      // Subscribe first, then back-fill up to where the hub starts, so nothing falls between.
      const live = await ctx.live.subscribe(ctx.user.id, signal);
      const resumeFrom = parsePosition(input.lastEventId);
      let position: EventPosition = live.from;
      if (resumeFrom && !isAfter(live.from, resumeFrom)) position = resumeFrom;
      let caughtUp = false;
      if (resumeFrom && isAfter(live.from, resumeFrom)) {
        const missed = await readUserLog(
          ctx.db,
          ctx.user.id,
          resumeFrom,
          live.from,
          BACKFILL_LIMIT + 1,
        );
        if (missed.length <= BACKFILL_LIMIT) {
          for (const { position: at, event } of missed) yield tracked(formatPosition(at), event);
          caughtUp = true;
        }
      }
      // Without a position (or too far behind), the client refetches what it shows on "ready".
      yield tracked(formatPosition(position), { type: "ready" as const, caughtUp });
      for await (const { position: at, event } of live) {
        if (!isAfter(at, position)) continue;
        position = at;
        yield tracked(formatPosition(at), event);
      }
    }),
});
