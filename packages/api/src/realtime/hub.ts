import { EventEmitter, on } from "node:events";
import { type Database, type Kysely, sql } from "@hearth/db";
import pg from "pg";
import type { Logger } from "../logger";
import { EVENTS_CHANNEL, type LiveEvent, liveEventSchema } from "./events";

/** Publishes an event when the surrounding transaction commits (NOTIFY is transactional). */
export async function publishLiveEvent(db: Kysely<Database>, event: LiveEvent): Promise<void> {
  await sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`.execute(db);
}

export interface LiveHub {
  /**
   * Starts listening for `userId` at once and returns the events until `signal` aborts. Because
   * listening starts before the caller back-fills from the database, nothing falls in between.
   */
  subscribe(userId: string, signal: AbortSignal | undefined): Promise<AsyncIterable<LiveEvent>>;
  close(): Promise<void>;
}

/**
 * One LISTEN connection per process fans Postgres notifications out to that process's
 * subscribers, so a message sent through any API instance reaches every instance. The connection
 * is re-established when it drops; subscribers then back-fill from their last event id.
 */
export function createLiveHub(connectionString: string, logger: Logger): LiveHub {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let client: pg.Client | null = null;
  let closed = false;
  let connecting: Promise<void> | null = null;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on("notification", (message) => {
      if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
      const parsed = liveEventSchema.safeParse(JSON.parse(message.payload));
      if (!parsed.success) {
        logger.warn({ payload: message.payload }, "ignored a malformed live event");
        return;
      }
      for (const userId of parsed.data.recipients) emitter.emit(userId, parsed.data);
    });
    next.on("error", (error) => {
      logger.warn({ err: error }, "live events connection lost; reconnecting");
      client = null;
      if (!closed) setTimeout(() => void ensure(), 500);
    });
    await next.connect();
    await next.query(`listen ${EVENTS_CHANNEL}`);
    client = next;
  };

  const ensure = (): Promise<void> => {
    if (client || closed) return Promise.resolve();
    connecting ??= connect().finally(() => {
      connecting = null;
    });
    return connecting;
  };

  return {
    async subscribe(userId, signal) {
      await ensure();
      const events = on(emitter, userId, { signal });
      return (async function* () {
        try {
          for await (const [event] of events) yield event as LiveEvent;
        } catch (error) {
          if (!signal?.aborted) throw error;
        }
      })();
    },
    async close() {
      closed = true;
      await client?.end();
      client = null;
    },
  };
}
