import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { cspNonceOf } from "./server/csp-nonce";
import { apiRuntime } from "./server/runtime";

const RENDER_TIMEOUT_MS = 5_000;

/**
 * Both apps' document renderer (their entry.server re-exports it): Remix's own inline scripts
 * (route data, hydration) carry the request's CSP nonce, or the browser refuses to run them. The
 * whole document is sent at once: no route defers data, and pages must work without JavaScript.
 */
export default function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  remixContext: EntryContext,
): Promise<Response> {
  const nonce = cspNonceOf(request) || undefined;
  return new Promise((resolve, reject) => {
    let status500 = false;
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer
        context={remixContext}
        url={request.url}
        abortDelay={RENDER_TIMEOUT_MS}
        nonce={nonce}
      />,
      {
        nonce,
        onAllReady() {
          const body = new PassThrough();
          headers.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              status: status500 ? 500 : status,
              headers,
            }),
          );
          pipe(body);
        },
        onShellError: reject,
        onError(error) {
          status500 = true;
          handleError(error, { request });
        },
      },
    );
    setTimeout(abort, RENDER_TIMEOUT_MS + 1_000);
  });
}

/**
 * An error in a loader, an action or rendering: logged with the request's URL, never shown. An
 * unknown URL (Remix's own 404) is the client's mistake, not a failure: no stack trace for it.
 */
export function handleError(error: unknown, { request }: { request: Request }): void {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  apiRuntime().deps.logger.error(
    { err: error, method: request.method, url: new URL(request.url).pathname },
    "request failed",
  );
}
