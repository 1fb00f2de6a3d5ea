/**
 * A stand-in for a Meilisearch server at its HTTP contract, for the calls the engine makes:
 * it records every request and answers as Meilisearch does (202 + an enqueued task, tasks that
 * succeed, and a search response the test sets).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: unknown;
}

export interface FakeMeili {
  url: string;
  requests: RecordedRequest[];
  /** What `POST /indexes/:uid/search` answers with (`hits` etc.), merged with defaults. */
  searchResponse: Record<string, unknown>;
  /** When set, tasks of this type fail with this error code. */
  failTasksOfType: { type: string; code: string } | null;
  /** The requests made to this method and path (path without the query string). */
  calls(method: string, path: string): RecordedRequest[];
  close(): Promise<void>;
}

const TASK_TYPES: [method: string, pattern: RegExp, type: string][] = [
  ["POST", /^\/indexes$/, "indexCreation"],
  ["PATCH", /^\/indexes\/[^/]+\/settings$/, "settingsUpdate"],
  ["POST", /^\/indexes\/[^/]+\/documents$/, "documentAdditionOrUpdate"],
  ["POST", /^\/indexes\/[^/]+\/documents\/delete-batch$/, "documentDeletion"],
  ["DELETE", /^\/indexes\/[^/]+$/, "indexDeletion"],
];

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? undefined : JSON.parse(text);
}

export async function startFakeMeili(): Promise<FakeMeili> {
  const tasks = new Map<number, { type: string; indexUid: string | null }>();
  let nextTask = 0;
  const fake: FakeMeili = {
    url: "",
    requests: [],
    searchResponse: {},
    failTasksOfType: null,
    calls: (method, path) => fake.requests.filter((r) => r.method === method && r.path === path),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://fake");
      const body = await readBody(request);
      const method = request.method ?? "GET";
      fake.requests.push({
        method,
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body,
      });
      const send = (status: number, payload: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(payload));
      };
      const enqueued = TASK_TYPES.find(
        ([m, pattern]) => m === method && pattern.test(url.pathname),
      );
      if (enqueued) {
        const taskUid = nextTask++;
        const indexUid =
          url.pathname === "/indexes"
            ? String((body as { uid?: unknown }).uid)
            : (url.pathname.split("/")[2] ?? null);
        tasks.set(taskUid, { type: enqueued[2], indexUid });
        send(202, {
          taskUid,
          indexUid,
          status: "enqueued",
          type: enqueued[2],
          enqueuedAt: new Date().toISOString(),
        });
        return;
      }
      const taskMatch = method === "GET" && /^\/tasks\/(\d+)$/.exec(url.pathname);
      if (taskMatch) {
        const uid = Number(taskMatch[1]);
        const task = tasks.get(uid);
        if (!task) {
          send(404, { message: `Task \`${uid}\` not found.`, code: "task_not_found" });
          return;
        }
        const failure = fake.failTasksOfType?.type === task.type ? fake.failTasksOfType : null;
        const now = new Date().toISOString();
        send(200, {
          uid,
          batchUid: uid,
          indexUid: task.indexUid,
          status: failure ? "failed" : "succeeded",
          type: task.type,
          canceledBy: null,
          details: {},
          error: failure
            ? {
                message: `fake ${failure.code}`,
                code: failure.code,
                type: "invalid_request",
                link: "",
              }
            : null,
          duration: "PT0.001S",
          enqueuedAt: now,
          startedAt: now,
          finishedAt: now,
        });
        return;
      }
      if (method === "POST" && /^\/indexes\/[^/]+\/search$/.test(url.pathname)) {
        const search = body as { q?: string; limit?: number };
        send(200, {
          hits: [],
          query: search.q ?? "",
          processingTimeMs: 1,
          limit: search.limit ?? 20,
          offset: 0,
          estimatedTotalHits: 0,
          ...fake.searchResponse,
        });
        return;
      }
      send(404, { message: "not in the fake", code: "not_found", type: "invalid_request" });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
