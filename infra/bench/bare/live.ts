/** In-process fan-out: what a single plain server needs for live events, and nothing more. */

export interface BareEvent {
  type: "message";
  change: "created";
  conversationId: string;
  messageId: number;
}

type Listener = (event: BareEvent) => void;

export function createBareHub() {
  const listeners = new Map<string, Set<Listener>>();
  let count = 0;

  /** Calls `listener` with each of `userId`'s events until the returned function is called. */
  function listen(userId: string, listener: Listener): () => void {
    const set = listeners.get(userId) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(userId, set);
    count += 1;
    return () => {
      if (!set.delete(listener)) return;
      if (set.size === 0) listeners.delete(userId);
      count -= 1;
    };
  }

  return {
    publish(recipients: readonly string[], event: BareEvent) {
      for (const userId of recipients)
        for (const listener of listeners.get(userId) ?? []) listener(event);
    },
    listen,
    /** Starts buffering `userId`'s events at once; they are yielded until `signal` aborts. */
    subscribe(userId: string, signal: AbortSignal | undefined): AsyncGenerator<BareEvent> {
      const queue: BareEvent[] = [];
      let wake: (() => void) | null = null;
      const stop = listen(userId, (event) => {
        queue.push(event);
        wake?.();
      });
      const abort = () => wake?.();
      signal?.addEventListener("abort", abort, { once: true });
      return (async function* () {
        try {
          while (!signal?.aborted) {
            const next = queue.shift();
            if (next) {
              yield next;
              continue;
            }
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            wake = null;
          }
        } finally {
          signal?.removeEventListener("abort", abort);
          stop();
        }
      })();
    },
    subscribers: () => count,
  };
}

export type BareHub = ReturnType<typeof createBareHub>;
