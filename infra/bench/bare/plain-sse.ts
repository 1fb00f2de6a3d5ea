import type { IncomingMessage, ServerResponse } from "node:http";
import type { BareHub } from "./live";

/**
 * `GET /plain/events?userId=…`: the live stream with nothing but Node's http module, the floor
 * under any framework's SSE (the idle-connection figure is measured on it as well).
 */
export function plainEvents(req: IncomingMessage, res: ServerResponse, hub: BareHub): void {
  const userId = new URL(req.url ?? "/", "http://x").searchParams.get("userId");
  if (!userId) {
    res.writeHead(400).end();
    return;
  }
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  res.write('data: {"type":"ready","caughtUp":false}\n\n');
  const stop = hub.listen(userId, (event) => {
    res.write(`id: ${event.messageId}\ndata: ${JSON.stringify(event)}\n\n`);
  });
  res.once("close", stop);
}
