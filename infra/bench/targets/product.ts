import type { BenchData } from "../data/build";
import { createHttpClient, type HttpClient, trpcMutation, trpcQuery } from "../load/http";
import type { ServerProcess } from "../servers/process";
import type { Target } from "./target";

export interface ProductSessions {
  /** Cookies (`name=value`) of the owner's sessions in the manager app, one per connection. */
  owner: string[];
  /** A resident-portal session cookie per bench resident. */
  residents: string[];
}

/** Signs in through `auth.signIn` over HTTP, as the login form does; returns the cookie. */
export async function signIn(client: HttpClient, base: string, email: string): Promise<string> {
  const answer = await client.request(
    trpcMutation(base, "auth.signIn", { email, password: "demo-password" }),
  );
  const cookie = answer.headers["set-cookie"]?.[0]?.split(";")[0];
  if (answer.status !== 200 || !cookie)
    throw new Error(`sign-in as ${email}: HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
  return cookie;
}

/** Signs in everyone the bench needs, a few at a time (each sign-in hashes with argon2). */
export async function signInAll(
  managerBase: string,
  residentBase: string,
  data: BenchData,
  ownerSessions: number,
): Promise<ProductSessions> {
  const client = createHttpClient(4);
  const jobs: (() => Promise<void>)[] = [];
  const owner: string[] = [];
  const residents: string[] = [];
  for (let i = 0; i < ownerSessions; i++)
    jobs.push(async () => {
      owner[i] = await signIn(client, managerBase, data.owner.email);
    });
  for (const [i, resident] of data.residents.entries())
    jobs.push(async () => {
      residents[i] = await signIn(client, residentBase, resident.email);
    });
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < jobs.length) await jobs[next++]!();
      }),
    );
  } finally {
    client.close();
  }
  return { owner, residents };
}

export function productTarget(
  server: ServerProcess,
  bases: { manager: string; resident: string },
  sessions: ProductSessions,
): Target {
  const owner = (connection: number) => ({
    cookie: sessions.owner[connection % sessions.owner.length]!,
  });
  const health = createHttpClient(1, { keepAlive: false });
  return {
    name: "product",
    pid: server.pid,
    memory: () => server.memory(),
    async subscribers() {
      const answer = await health.request({
        method: "GET",
        base: bases.resident,
        path: "/healthz",
        headers: {},
      });
      const body = JSON.parse(answer.body) as { live?: { subscribers?: number } };
      if (typeof body.live?.subscribers !== "number")
        throw new Error(`/healthz does not report live.subscribers: ${answer.body}`);
      return body.live.subscribers;
    },
    send: (connection, conversationId, clientId, body) =>
      trpcMutation(
        bases.manager,
        "conversations.send",
        { conversationId, clientId, body },
        owner(connection),
      ),
    inbox: (connection) => trpcQuery(bases.manager, "conversations.list", {}, owner(connection)),
    thread: (connection, conversationId) =>
      trpcQuery(bases.manager, "conversations.messages", { id: conversationId }, owner(connection)),
    search: (connection, text) =>
      trpcQuery(bases.manager, "search.messages", { q: text }, owner(connection)),
    live: (resident) =>
      trpcQuery(
        bases.resident,
        "live.events",
        {},
        { cookie: sessions.residents[resident % sessions.residents.length]! },
      ),
  };
}
