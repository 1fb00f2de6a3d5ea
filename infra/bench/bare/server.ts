/**
 * The bare server: plain tRPC (standalone Node adapter, superjson) and Kysely on the bench's
 * database, with the product's pool settings, and a framework-free SSE endpoint beside it.
 * Started by the bench with BARE_DATABASE_URL; prints "listening <port>".
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createDb, poolDefaults } from "@hearth/db";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { createBareHub } from "./live";
import { plainEvents } from "./plain-sse";
import { bareRouter } from "./router";
import "../servers/probe";

const url = process.env.BARE_DATABASE_URL;
if (!url) throw new Error("BARE_DATABASE_URL is not set");
const handle = createDb(url, poolDefaults);
const hub = createBareHub();
const trpc = createHTTPHandler({ router: bareRouter(handle.db, hub), basePath: "/api/trpc/" });
const server = createServer((req, res) => {
  if (req.url?.startsWith("/plain/events")) plainEvents(req, res, hub);
  else trpc(req, res);
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
const stop = () => {
  server.close();
  server.closeAllConnections();
  void handle.destroy().then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
