import type { IncomingMessage, ServerResponse } from "node:http";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { TRUSTED_HEADERS } from "./front-door";

const isTrusted = (name: string) =>
  (TRUSTED_HEADERS as readonly string[]).includes(name.toLowerCase());

export interface BridgedRequest {
  request: Request;
  /** Aborts the request's signal (the server ends a live stream this way when it stops). */
  abort(): void;
}

/**
 * The fetch Request for a Node request: its body streams, and its signal aborts as soon as the
 * client goes away before the response was written in full, which is what ends a live stream.
 * Throws on a Host header that makes no URL (answer 400).
 */
export function toFetchRequest(req: IncomingMessage, res: ServerResponse): BridgedRequest {
  const url = new URL(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`);
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    if (!name.startsWith(":") && !isTrusted(name)) headers.append(name, req.rawHeaders[i + 1]!);
  }
  // Only the front door's stamps: whatever the client sent under these names was dropped above.
  for (const name of TRUSTED_HEADERS) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  const controller = new AbortController();
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const init: RequestInit & { duplex?: "half" } = {
    method: req.method ?? "GET",
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: createReadableStreamFromReadable(req), duplex: "half" } : {}),
  };
  const request = new Request(url, init);
  // The Request follows `controller.signal` through a WeakRef to an AbortController of its own
  // (Node's undici): once the Request is garbage, aborting no longer reaches its signal, and a
  // subscription that holds only that signal lives on. This listener keeps the Request alive
  // until the client has gone.
  res.once("close", () => {
    if (!res.writableFinished && !request.signal.aborted) controller.abort();
  });
  return { request, abort: () => controller.abort() };
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

/** Writes a fetch Response to Node, streaming its body (with backpressure) until done or gone. */
export async function sendFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers)
    if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (!response.body) {
    res.end();
    return;
  }
  // A live stream's first event may wait; the client should see the response start at once.
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) res.flushHeaders();
  const reader = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  res.once("close", cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      if (!res.write(value)) await drainedOrClosed(res);
    }
    if (!res.destroyed) res.end();
  } catch {
    res.destroy();
  } finally {
    res.off("close", cancel);
  }
}
