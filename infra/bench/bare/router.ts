import type { Database, Kysely } from "@hearth/db";
import { createPostgresSearch } from "@hearth/search";
import { initTRPC, tracked } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { listInbox } from "./inbox";
import type { BareHub } from "./live";
import { sendMessage } from "./send";
import { threadPage } from "./thread";

const id = z.string().uuid();

/** The bare server's procedures: the product's SQL with plain inputs, no session and no policy. */
export function bareRouter(db: Kysely<Database>, hub: BareHub) {
  const t = initTRPC.create({ transformer: superjson });
  // The product's own engine: the bare server skips only the session, policy and hit names.
  const search = createPostgresSearch(db);
  return t.router({
    send: t.procedure
      .input(
        z.object({
          organizationId: id,
          conversationId: id,
          senderId: id,
          clientId: z.string().min(8).max(100),
          body: z.string().trim().min(1).max(20_000),
        }),
      )
      .mutation(async ({ input }) => {
        const sent = await sendMessage(db, input);
        if (!sent) return { id: null, created: false };
        hub.publish(sent.recipients, {
          type: "message",
          change: "created",
          conversationId: input.conversationId,
          messageId: sent.id,
        });
        return { id: sent.id, created: true };
      }),
    inbox: t.procedure
      .input(z.object({ organizationId: id, userId: id }))
      .query(({ input }) => listInbox(db, input.organizationId, input.userId)),
    thread: t.procedure
      .input(z.object({ conversationId: id, viewerId: id, cursor: z.number().int().nullish() }))
      .query(({ input }) =>
        threadPage(db, input.conversationId, input.viewerId, input.cursor ?? undefined),
      ),
    search: t.procedure
      .input(z.object({ organizationId: id, viewerId: id, text: z.string().max(500) }))
      .query(({ input }) => search.search({ ...input, limit: 20 })),
    events: t.procedure.input(z.object({ userId: id })).subscription(async function* ({
      input,
      signal,
    }) {
      const events = hub.subscribe(input.userId, signal);
      yield tracked("0", { type: "ready" as const, caughtUp: false });
      for await (const event of events) yield tracked(String(event.messageId), event);
    }),
    subscribers: t.procedure.query(() => hub.subscribers()),
  });
}
