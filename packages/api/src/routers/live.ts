import { tracked } from "@trpc/server";
import { z } from "zod";
import { memberProcedure, router } from "../trpc";

/**
 * Event ids are "<newest message id seen>.<n>", so a reconnect that sends its last id gets every
 * message sent since, from the database, before live events resume.
 */
function nextId(lastMessageId: number, sequence: number): string {
  return `${lastMessageId}.${sequence}`;
}

export const liveRouter = router({
  /** Live events for the signed-in user's conversations (SSE). */
  events: memberProcedure
    .input(z.object({ lastEventId: z.string().max(40).nullish() }).default({}))
    .subscription(async function* ({ ctx, input, signal }) {
      // Listen first, then back-fill, so nothing sent in between is missed.
      const events = await ctx.live.subscribe(ctx.user.id, signal);
      let lastMessageId = Number.parseInt(input.lastEventId?.split(".")[0] ?? "", 10);
      let sequence = 0;
      if (Number.isFinite(lastMessageId)) {
        const missed = await ctx.db
          .selectFrom("messages as m")
          .innerJoin("conversation_participants as me", (join) =>
            join
              .onRef("me.conversation_id", "=", "m.conversation_id")
              .on("me.user_id", "=", ctx.user.id),
          )
          .select(["m.id", "m.conversation_id"])
          .where("m.organization_id", "=", ctx.organizationId)
          .where("m.id", ">", lastMessageId)
          .where("m.sent_at", "is not", null)
          .orderBy("m.id")
          .limit(500)
          .execute();
        for (const m of missed) {
          lastMessageId = m.id;
          yield tracked(nextId(lastMessageId, ++sequence), {
            type: "message" as const,
            change: "created" as const,
            conversationId: m.conversation_id,
            messageId: m.id,
          });
        }
      } else {
        const newest = await ctx.db
          .selectFrom("messages as m")
          .innerJoin("conversation_participants as me", (join) =>
            join
              .onRef("me.conversation_id", "=", "m.conversation_id")
              .on("me.user_id", "=", ctx.user.id),
          )
          .select((eb) => eb.fn.max("m.id").as("id"))
          .executeTakeFirst();
        lastMessageId = Number(newest?.id ?? 0);
      }
      // Listening from here on: the client refreshes what it shows, so nothing sent between its
      // page load and this moment is missed, and later reconnects resume from this id.
      yield tracked(nextId(lastMessageId, ++sequence), { type: "ready" as const });
      for await (const event of events) {
        if (event.type === "message") {
          if (event.change === "created" && event.messageId <= lastMessageId) continue;
          lastMessageId = Math.max(lastMessageId, event.messageId);
        }
        const { recipients: _recipients, ...visible } = event;
        yield tracked(nextId(lastMessageId, ++sequence), visible);
      }
    }),
});
