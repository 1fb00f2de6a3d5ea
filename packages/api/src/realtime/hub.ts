import pg from "pg";
import type { Logger } from "../logger";
import { type LoggedEvent, readFence, readLog } from "./event-log";
import { EVENTS_CHANNEL } from "./events";
import { type EventPosition, fencePosition } from "./position";

export { lockConversation, publishLiveEvent } from "./event-log";

/** A subscriber's events as the hub delivers them: in log order, each once. */
export interface Subscription extends AsyncIterable<LoggedEvent> {
  /** The hub's position when the subscription started: nothing before it will be delivered. */
  readonly from: EventPosition;
}

export interface LiveHub {
  /**
   * Starts delivering `userId`'s events at once (buffered until read), so a caller that back-fills
   * from the log after this returns misses nothing. Ends when `signal` aborts.
   */
  subscribe(userId: string, signal: AbortSignal | undefined): Promise<Subscription>;
  /** Read the log now (after this process committed events). Cheap: calls coalesce. */
  wake(): void;
  stats(): { subscribers: number; listening: boolean };
  close(): Promise<void>;
}

export interface LiveHubOptions {
  /** Safety net: read the log this often even without a wake-up (a NOTIFY lost with its connection). */
  pollMs?: number;
  /** How soon to look again while a committed event waits behind a still-running transaction. */
  heldBackRetryMs?: number;
  /** Events a slow subscriber may have waiting before its stream is ended (it reconnects and back-fills). */
  maxQueued?: number;
}

const BATCH = 1000;

/**
 * One connection per process LISTENs for wake-ups and reads the event log from the hub's own
 * position, fanning events out to this process's subscribers. Because the hub (not the NOTIFY)
 * carries the position, a dropped connection loses nothing: after reconnecting it reads on from
 * where it was. Wake-ups are payload-free NOTIFYs sent after commit, coalesced per process.
 */
export function createLiveHub(
  connectionString: string,
  logger: Logger,
  options: LiveHubOptions = {},
): LiveHub {
  const pollMs = options.pollMs ?? 1000;
  const heldBackRetryMs = options.heldBackRetryMs ?? 5;
  const maxQueued = options.maxQueued ?? 10_000;
  const subscribers = new Map<string, Set<Queue>>();
  let subscriberCount = 0;
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let position: EventPosition | null = null;
  let closed = false;
  let reading: Promise<void> | null = null;
  let readAgain = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let notifying = false;
  let notifyAgain = false;
  let reconnectDelay = 100;

  const connect = async (): Promise<pg.Client> => {
    const next = new pg.Client({ connectionString, application_name: "hearth-live" });
    next.on("notification", (message) => {
      if (message.channel === EVENTS_CHANNEL) read();
    });
    next.on("error", (error) => {
      logger.warn({ err: error }, "live events connection lost; reconnecting");
      if (client === next) client = null;
      next.end().catch(() => {});
      scheduleReconnect();
    });
    await next.connect();
    await next.query(`listen ${EVENTS_CHANNEL}`);
    position ??= fencePosition(await readFence(next));
    reconnectDelay = 100;
    return next;
  };

  const ensure = (): Promise<pg.Client> => {
    if (client) return Promise.resolve(client);
    if (closed) return Promise.reject(new Error("The live hub is closed."));
    connecting ??= connect()
      .then((next) => {
        if (closed) {
          void next.end();
          throw new Error("The live hub is closed.");
        }
        client = next;
        // Whatever was committed while we were away is read now.
        read();
        return next;
      })
      .finally(() => {
        connecting = null;
      });
    return connecting;
  };

  function scheduleReconnect() {
    if (closed) return;
    const delay = reconnectDelay;
    reconnectDelay = Math.min(reconnectDelay * 2, 5000);
    setTimeout(() => {
      ensure().catch((error: unknown) => {
        logger.warn({ err: error }, "live events reconnect failed; retrying");
        scheduleReconnect();
      });
    }, delay).unref();
  }

  function deliver(logged: LoggedEvent) {
    for (const userId of logged.recipients) {
      const queues = subscribers.get(userId);
      if (queues) for (const queue of queues) queue.push(logged);
    }
  }

  async function readUntilCaughtUp(): Promise<void> {
    for (;;) {
      const db = client;
      if (!db || !position) return;
      const { ready, heldBack, full } = await readLog(db, position, BATCH);
      for (const logged of ready) {
        position = logged.position;
        deliver(logged);
      }
      if (heldBack) {
        retryTimer ??= setTimeout(() => {
          retryTimer = null;
          read();
        }, heldBackRetryMs);
        return;
      }
      if (!full) return;
    }
  }

  /** Reads the log; a call while a read runs makes that read go round once more. */
  function read() {
    if (closed) return;
    if (reading) {
      readAgain = true;
      return;
    }
    reading = readUntilCaughtUp()
      .catch((error: unknown) => {
        if (!closed) logger.warn({ err: error }, "reading the live event log failed");
      })
      .finally(() => {
        reading = null;
        if (readAgain) {
          readAgain = false;
          read();
        }
      });
  }

  const poller = setInterval(() => {
    if (client) read();
    else if (!connecting && subscriberCount > 0) ensure().catch(() => scheduleReconnect());
  }, pollMs);
  poller.unref();

  /** Tells every process (this one included, through its own LISTEN) to read the log. */
  function notify() {
    if (closed) return;
    read();
    const db = client;
    if (!db) return;
    if (notifying) {
      notifyAgain = true;
      return;
    }
    notifying = true;
    db.query(`notify ${EVENTS_CHANNEL}`)
      .catch((error: unknown) => logger.warn({ err: error }, "live wake-up failed"))
      .finally(() => {
        notifying = false;
        if (notifyAgain) {
          notifyAgain = false;
          notify();
        }
      });
  }

  return {
    async subscribe(userId, signal) {
      await ensure();
      const from = position ?? fencePosition(0n);
      const queue = new Queue(maxQueued);
      const set = subscribers.get(userId) ?? new Set<Queue>();
      set.add(queue);
      subscribers.set(userId, set);
      subscriberCount += 1;
      const remove = () => {
        if (!set.delete(queue)) return;
        subscriberCount -= 1;
        if (set.size === 0) subscribers.delete(userId);
        queue.end();
      };
      if (signal?.aborted) remove();
      signal?.addEventListener("abort", remove, { once: true });
      return {
        from,
        async *[Symbol.asyncIterator]() {
          try {
            yield* queue;
          } finally {
            signal?.removeEventListener("abort", remove);
            remove();
          }
        },
      };
    },
    wake: notify,
    stats: () => ({ subscribers: subscriberCount, listening: client !== null }),
    async close() {
      closed = true;
      clearInterval(poller);
      if (retryTimer) clearTimeout(retryTimer);
      for (const set of subscribers.values()) for (const queue of set) queue.end();
      subscribers.clear();
      subscriberCount = 0;
      await reading;
      const current = client ?? (await connecting?.catch(() => null)) ?? null;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}

/** A subscriber's buffer: pushes never block the hub; a reader that falls too far behind is ended. */
class Queue implements AsyncIterable<LoggedEvent> {
  private readonly items: LoggedEvent[] = [];
  private waiting: (() => void) | null = null;
  private ended = false;
  private overflowed = false;

  constructor(private readonly max: number) {}

  push(item: LoggedEvent) {
    if (this.ended) return;
    if (this.items.length >= this.max) {
      this.overflowed = true;
      this.end();
      return;
    }
    this.items.push(item);
    this.wakeReader();
  }

  end() {
    this.ended = true;
    this.wakeReader();
  }

  private wakeReader() {
    const resolve = this.waiting;
    this.waiting = null;
    resolve?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<LoggedEvent> {
    for (;;) {
      const item = this.items.shift();
      if (item) {
        yield item;
        continue;
      }
      if (this.overflowed)
        throw new Error("This live stream fell too far behind; reconnect to catch up.");
      if (this.ended) return;
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
      });
    }
  }
}
