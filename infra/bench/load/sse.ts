import http from "node:http";
import type { Call } from "./http";

/** A live stream held open as a browser tab holds it. */
export interface Tab {
  /** Milliseconds from opening to the server's "ready" event. */
  ready: Promise<number>;
  /** Leaves, as a closed tab does. */
  close(): void;
}

interface EventBody {
  type?: string;
  messageId?: number;
}

/** The event a tRPC SSE `data:` line carries (superjson puts the value under `json`). */
function eventOf(data: string): EventBody | null {
  try {
    const parsed = JSON.parse(data) as { json?: EventBody } & EventBody;
    return parsed.json ?? parsed;
  } catch {
    return null;
  }
}

/**
 * Opens `call` (a GET of an SSE subscription) on a connection of its own and reads it until it is
 * closed. `onMessage` gets each message event's id with when it arrived (performance.now()).
 */
export function openTab(
  call: Call,
  onMessage: (messageId: number, at: number) => void,
  readyTimeoutMs = 60_000,
): Tab {
  const url = new URL(call.path, call.base);
  const opened = performance.now();
  let req: http.ClientRequest | null = null;
  let closed = false;
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`no "ready" in ${readyTimeoutMs} ms`));
      req?.destroy();
    }, readyTimeoutMs);
    req = http.get(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        headers: { accept: "text/event-stream", ...call.headers },
        agent: false,
      },
      (res) => {
        if (res.statusCode !== 200) {
          clearTimeout(timer);
          reject(new Error(`live stream: HTTP ${res.statusCode}`));
          res.resume();
          return;
        }
        res.setEncoding("utf8");
        let buffer = "";
        res.on("data", (chunk: string) => {
          const at = performance.now();
          buffer += chunk;
          let end = buffer.indexOf("\n\n");
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf("\n\n");
            for (const line of block.split("\n")) {
              if (!line.startsWith("data:")) continue;
              const event = eventOf(line.slice(5).trim());
              if (event?.type === "ready") {
                clearTimeout(timer);
                resolve(at - opened);
              } else if (event?.type === "message" && typeof event.messageId === "number")
                onMessage(event.messageId, at);
            }
          }
        });
        res.on("error", () => {});
        res.on("close", () => {
          clearTimeout(timer);
          if (!closed) reject(new Error("live stream ended before it was ready"));
        });
      },
    );
    req.on("error", (error) => {
      clearTimeout(timer);
      if (!closed) reject(error);
    });
  });
  // A rejection after the tab is closed on purpose concerns nobody.
  ready.catch(() => {});
  return {
    ready,
    close() {
      closed = true;
      req?.destroy();
    },
  };
}

/** Opens `count` tabs, at most `parallel` connecting at once; fails if any is not ready. */
export async function openTabs(
  count: number,
  parallel: number,
  open: (index: number) => Tab,
): Promise<{ tabs: Tab[]; readyMs: number[] }> {
  const tabs: Tab[] = [];
  const readyMs: number[] = [];
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: Math.min(parallel, count) }, async () => {
        while (next < count) {
          const tab = open(next++);
          tabs.push(tab);
          readyMs.push(await tab.ready);
        }
      }),
    );
  } catch (error) {
    for (const tab of tabs) tab.close();
    throw error;
  }
  return { tabs, readyMs };
}
