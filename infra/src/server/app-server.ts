import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Logger } from "@hearth/api";
import {
  type ApiRuntime,
  handleFilesRequest,
  handleSmsInbound,
  handleTrpcRequest,
  isFilesUrl,
  isSmsInboundUrl,
} from "@hearth/api/server";
import type { AppKind } from "@hearth/db";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { type BridgedRequest, sendFetchResponse, toFetchRequest } from "./fetch-bridge";
import { passFrontDoor } from "./front-door";
import { createStaticFiles } from "./static-files";
import { isTrpcUrl } from "./trpc-url";

export interface AppServerOptions {
  app: AppKind;
  /** The app's Vite build folder, holding `server/index.js` and `client/`. */
  buildDir: string;
  runtime: ApiRuntime;
  host: string;
  port: number;
  logger: Logger;
}

export interface AppServer {
  url: string;
  /** Stops accepting, ends live streams, lets other requests finish (or cuts them at the deadline). */
  close(deadlineMs?: number): Promise<void>;
}

/**
 * One app on its own port: `/api/trpc` goes straight to the tRPC fetch handler (no Remix routing
 * on the hot path of every call and every live stream), then the client build's files, then Remix.
 */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const { app, runtime, logger } = options;
  const build = (await import(
    pathToFileURL(path.join(options.buildDir, "server", "index.js")).href
  )) as ServerBuild;
  const remix = createRequestHandler(build, process.env.NODE_ENV);
  const staticFiles = createStaticFiles(path.join(options.buildDir, "client"));
  const liveStreams = new Set<BridgedRequest>();
  let inFlight = 0;
  let closing = false;
  const secure = runtime.env.SESSION_SECURE ?? runtime.env.NODE_ENV === "production";

  async function respond(
    req: IncomingMessage,
    res: ServerResponse,
    handle: (request: Request) => Promise<Response>,
  ): Promise<void> {
    let bridged: BridgedRequest;
    try {
      bridged = toFetchRequest(req, res);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const response = await handle(bridged.request);
    const live = response.headers.get("content-type")?.startsWith("text/event-stream") ?? false;
    if (live && closing) bridged.abort();
    else if (live) liveStreams.add(bridged);
    try {
      await sendFetchResponse(res, response);
    } finally {
      liveStreams.delete(bridged);
    }
  }

  const server = createServer(async (req, res) => {
    inFlight += 1;
    res.once("close", () => {
      inFlight -= 1;
    });
    try {
      if (!passFrontDoor(req, res, { dev: false, secure })) return;
      if (isTrpcUrl(req.url))
        await respond(req, res, (request) =>
          handleTrpcRequest(runtime, app, request, { peerAddress: req.socket.remoteAddress }),
        );
      else if (isFilesUrl(req.url))
        await respond(req, res, (request) =>
          handleFilesRequest(runtime, app, request, { peerAddress: req.socket.remoteAddress }),
        );
      else if (isSmsInboundUrl(req.url))
        await respond(req, res, (request) =>
          handleSmsInbound(runtime, request, { peerAddress: req.socket.remoteAddress }),
        );
      else if (!(await staticFiles(req, res))) await respond(req, res, remix);
    } catch (error) {
      logger.error({ err: error, app, url: req.url }, "request failed");
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host;

  return {
    url: `http://${shownHost}:${port}`,
    async close(deadlineMs = 10_000) {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const stream of liveStreams) stream.abort();
      // close() waits for every kept-alive connection to be let go by its client. Once no request
      // is in flight, what is left is idle or has yet to send one: drop it all.
      const sweep = setInterval(() => {
        if (inFlight === 0) server.closeAllConnections();
      }, 20);
      const deadline = setTimeout(() => server.closeAllConnections(), deadlineMs);
      await closed;
      clearInterval(sweep);
      clearTimeout(deadline);
    },
  };
}
