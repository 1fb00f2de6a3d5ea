/**
 * An in-memory Meilisearch on 127.0.0.1, at its HTTP contract, for the calls the search
 * engine makes. It records every request, checks the master key, and can play an outage.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { MeiliHttpError } from "./errors";
import type { IndexState } from "./index-state";
import { type EmulatorState, route } from "./routes";
import { TaskQueue } from "./tasks";

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: unknown;
}

/** `unavailable`: every request gets a 503; `drop`: every connection is closed unanswered. */
export type OutageMode = "unavailable" | "drop";

export interface MeiliEmulatorOptions {
  /** When set, every route but `/health` needs `Authorization: Bearer <masterKey>`. */
  masterKey?: string;
  /** Delay between task steps (enqueued → processing → done); defaults to 3 ms. */
  taskStepMs?: number;
}

export interface MeiliEmulator {
  url: string;
  requests: RecordedRequest[];
  /** The requests made to this method and path (path without the query string). */
  calls(method: string, path: string): RecordedRequest[];
  /** When set, tasks of this type fail with this error code (to test failure handling). */
  failTasksOfType: { type: string; code: string } | null;
  /** The index as the emulator holds it, for assertions. */
  index(uid: string): IndexState | undefined;
  startOutage(mode: OutageMode): void;
  endOutage(): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === "") return undefined;
  if (!contentType?.startsWith("application/json")) {
    throw new MeiliHttpError(
      415,
      "invalid_content_type",
      `The Content-Type \`${contentType ?? ""}\` is invalid. Accepted values for the Content-Type header are: \`application/json\`.`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MeiliHttpError(
      400,
      "malformed_payload",
      `The json payload provided is malformed. \`${(error as Error).message}\`.`,
    );
  }
}

function checkKey(request: IncomingMessage, path: string, masterKey: string | undefined): void {
  if (masterKey === undefined || path === "/health") return;
  const header = request.headers.authorization;
  if (header === undefined) {
    throw new MeiliHttpError(
      401,
      "missing_authorization_header",
      "The Authorization header is missing. It must use the bearer authorization method.",
      "auth",
    );
  }
  if (header !== `Bearer ${masterKey}`) {
    throw new MeiliHttpError(403, "invalid_api_key", "The provided API key is invalid.", "auth");
  }
}

function send(response: ServerResponse, status: number, payload: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(payload));
}

export async function startMeiliEmulator(
  options: MeiliEmulatorOptions = {},
): Promise<MeiliEmulator> {
  let outage: OutageMode | null = null;
  const state: EmulatorState = {
    indexes: new Map(),
    tasks: new TaskQueue(options.taskStepMs ?? 3, (task) => {
      const failure = emulator.failTasksOfType;
      if (failure?.type !== task.type) return null;
      return new MeiliHttpError(400, failure.code, `injected ${failure.code}`).body();
    }),
  };

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://emulator");
      const method = request.method ?? "GET";
      const text = await readBody(request);
      let body: unknown = text;
      try {
        body = parseBody(text, request.headers["content-type"]);
      } catch {
        // Recorded raw; answered below.
      }
      emulator.requests.push({
        method,
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body,
      });
      if (outage === "drop") {
        request.socket.destroy();
        return;
      }
      if (outage === "unavailable") {
        send(
          response,
          503,
          new MeiliHttpError(
            503,
            "unavailable",
            "Meilisearch is unavailable (emulated outage).",
            "system",
          ).body(),
        );
        return;
      }
      try {
        checkKey(request, url.pathname, options.masterKey);
        const reply = route(state, method, url, parseBody(text, request.headers["content-type"]));
        send(response, reply.status, reply.body);
      } catch (error) {
        if (error instanceof MeiliHttpError) send(response, error.status, error.body());
        else
          send(
            response,
            500,
            new MeiliHttpError(500, "internal", String(error), "internal").body(),
          );
      }
    })();
  });

  const emulator: MeiliEmulator = {
    url: "",
    requests: [],
    calls: (method, path) =>
      emulator.requests.filter((r) => r.method === method && r.path === path),
    failTasksOfType: null,
    index: (uid) => state.indexes.get(uid),
    startOutage(mode) {
      outage = mode;
      // Kept-alive connections would otherwise carry on past a "drop".
      if (mode === "drop") server.closeIdleConnections();
    },
    endOutage() {
      outage = null;
    },
    close() {
      state.tasks.close();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  emulator.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return emulator;
}
