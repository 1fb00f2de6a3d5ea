import http from "node:http";

/** One HTTP request to a measured server. */
export interface Call {
  method: "GET" | "POST";
  /** `http://127.0.0.1:port` */
  base: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * HTTP/1.1 over loopback with at most `maxSockets` connections per server, kept alive unless told
 * otherwise. Make one per measured step: a socket left idle longer than the server's keep-alive
 * timeout may be closed under the next request.
 */
export function createHttpClient(maxSockets: number, options: { keepAlive?: boolean } = {}) {
  const keepAlive = options.keepAlive ?? true;
  const agent = new http.Agent({ keepAlive, maxSockets, maxFreeSockets: maxSockets });
  const send = (call: Call, timeoutMs: number, retried: boolean): Promise<Answer> => {
    const url = new URL(call.path, call.base);
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...call.headers };
      if (call.body !== undefined) {
        headers["content-type"] = "application/json";
        headers["content-length"] = Buffer.byteLength(call.body);
      }
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method: call.method,
          headers,
          agent,
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString(),
              headers: res.headers,
            }),
          );
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
      req.on("error", (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed as this request went out: sent again once on a
        // fresh one, as browsers do (a send repeats its client id, so it cannot double).
        if (req.reusedSocket && !retried && (error.code === "ECONNRESET" || error.code === "EPIPE"))
          resolve(send(call, timeoutMs, true));
        else reject(error);
      });
      req.end(call.body);
    });
  };
  return {
    request: (call: Call, timeoutMs = 15_000) => send(call, timeoutMs, false),
    close: () => agent.destroy(),
  };
}

export type HttpClient = ReturnType<typeof createHttpClient>;

/** A tRPC query over GET, as the apps' links make it (superjson input, no batching). */
export function trpcQuery(
  base: string,
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
): Call {
  const encoded = encodeURIComponent(JSON.stringify({ json: input }));
  return { method: "GET", base, path: `/api/trpc/${path}?input=${encoded}`, headers };
}

/** A tRPC mutation over POST, with the Origin the product's CSRF check wants. */
export function trpcMutation(
  base: string,
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
): Call {
  return {
    method: "POST",
    base,
    path: `/api/trpc/${path}`,
    headers: { origin: base, ...headers },
    body: JSON.stringify({ json: input }),
  };
}

/** The `json` of a tRPC success body (`{"result":{"data":{"json":…}}}`). */
export function trpcData(body: string): unknown {
  const parsed = JSON.parse(body) as { result?: { data?: { json?: unknown } } };
  return parsed.result?.data?.json;
}
