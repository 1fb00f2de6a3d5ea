import type { BenchData } from "../data/build";
import { createHttpClient, trpcData, trpcMutation, trpcQuery } from "../load/http";
import type { ServerProcess } from "../servers/process";
import type { Target } from "./target";

/** The bare server: the same paths, with the ids the product would take from the session. */
export function bareTarget(server: ServerProcess, base: string, data: BenchData): Target {
  const organizationId = data.organizationId;
  const ownerId = data.owner.id;
  const health = createHttpClient(1, { keepAlive: false });
  return {
    name: "bare",
    pid: server.pid,
    memory: () => server.memory(),
    async subscribers() {
      const answer = await health.request(trpcQuery(base, "subscribers", null));
      const count = trpcData(answer.body);
      if (typeof count !== "number") throw new Error(`bare subscribers: ${answer.body}`);
      return count;
    },
    send: (_connection, conversationId, clientId, body) =>
      trpcMutation(base, "send", {
        organizationId,
        conversationId,
        senderId: ownerId,
        clientId,
        body,
      }),
    inbox: () => trpcQuery(base, "inbox", { organizationId, userId: ownerId }),
    thread: (_connection, conversationId) =>
      trpcQuery(base, "thread", { conversationId, viewerId: ownerId }),
    search: (_connection, text) =>
      trpcQuery(base, "search", { organizationId, viewerId: ownerId, text }),
    plainLive: (resident) => ({
      method: "GET",
      base,
      path: `/plain/events?userId=${data.residents[resident % data.residents.length]!.id}`,
      headers: {},
    }),
    live: (resident) =>
      trpcQuery(base, "events", { userId: data.residents[resident % data.residents.length]!.id }),
  };
}
