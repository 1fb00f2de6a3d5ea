import path from "node:path";
import type { AppKind } from "@hearth/db";
import type { Plugin } from "vite";
import { sendFetchResponse, toFetchRequest } from "../src/server/fetch-bridge";
import { passFrontDoor } from "../src/server/front-door";
import { isTrpcUrl } from "../src/server/trpc-url";

/** `/api/files…`; the same test as @hearth/api/server's, which this file loads only lazily. */
function isFilesUrl(url: string | undefined): boolean {
  return url !== undefined && /^\/api\/files(?:[/?]|$)/.test(url);
}

type ApiServer = typeof import("@hearth/api/server");
type UiServer = typeof import("@hearth/ui/server");

function appOf(root: string): AppKind {
  const name = path.basename(root);
  if (name !== "manager" && name !== "resident") throw new Error(`Not an app folder: ${root}`);
  return name;
}

/**
 * In dev, `/api/trpc` and `/api/files` are answered here, before Remix, as the production server does: Remix hands
 * a resource route a copy of the request whose abort can be lost once the original is garbage,
 * and then a closed tab's live subscription never ends. The API modules come through Vite, so
 * edits apply without a restart, and the runtime is the one the Remix routes use. Every request
 * passes the front door first (security headers, socket address, cross-site form posts).
 */
export function leanTrpcInDev(): Plugin {
  let app: AppKind = "manager";
  return {
    name: "hearth:lean-trpc",
    apply: "serve",
    configResolved(config) {
      app = appOf(config.root);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        // Every dev response, Vite's own included, as the production server sends them.
        if (!passFrontDoor(req, res, { dev: true, secure: false })) return;
        const files = isFilesUrl(req.url);
        const sms = /^\/api\/sms\/inbound(?:\?|$)/.test(req.url ?? "");
        if (!files && !sms && !isTrpcUrl(req.url)) return next();
        void (async () => {
          const api = (await server.ssrLoadModule("@hearth/api/server")) as ApiServer;
          const ui = (await server.ssrLoadModule("@hearth/ui/server")) as UiServer;
          const { request } = toFetchRequest(req, res);
          const peer = { peerAddress: req.socket.remoteAddress };
          const handle = files ? api.handleFilesRequest : api.handleTrpcRequest;
          const handled = sms
            ? api.handleSmsInbound(ui.apiRuntime(), request, peer)
            : handle(ui.apiRuntime(), app, request, peer);
          await sendFetchResponse(res, await handled);
        })().catch(next);
      });
    },
  };
}
