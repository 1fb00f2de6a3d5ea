/** A client of the live stream over plain HTTP, for tests that open and close many of them. */

/** Signs in through tRPC; returns the session cookie (`name=value`). */
export async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ json: { email, password: "demo-password" } }),
    signal: AbortSignal.timeout(15_000),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(";")[0];
  if (!response.ok || !cookie) throw new Error(`sign-in as ${email}: HTTP ${response.status}`);
  return cookie;
}

export interface LiveStream {
  /** Resolves once the server says the subscription listens ("ready"). */
  ready: Promise<void>;
  /** Resolves when the stream ends, whoever ended it. */
  ended: Promise<void>;
  /** Leaves, as a closed tab does: the connection goes away. */
  close(): void;
}

/** Opens `live.events` (GET, SSE) with this cookie and reads it until it ends or is closed. */
export function openLiveStream(base: string, cookie: string, timeoutMs = 60_000): LiveStream {
  const controller = new AbortController();
  const input = encodeURIComponent(JSON.stringify({ json: {} }));
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const ended = (async () => {
    const response = await fetch(`${base}/api/trpc/live.events?input=${input}`, {
      headers: { cookie, accept: "text/event-stream" },
      signal: AbortSignal.any([controller.signal, AbortSignal.timeout(timeoutMs)]),
    });
    if (response.status !== 200 || !response.body)
      throw new Error(`live.events: HTTP ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      text += value;
      if (text.includes('"type":"ready"')) {
        markReady();
        text = "";
      }
    }
  })().catch((error: unknown) => {
    if (!controller.signal.aborted) throw error;
  });
  return {
    // A stream that fails or ends before it is ready fails `ready` too.
    ready: Promise.race([
      ready,
      ended.then(() => {
        throw new Error("live.events ended before it was ready");
      }),
    ]),
    ended,
    close: () => controller.abort(),
  };
}

/** The live hub's subscriber count, as the app's /healthz reports it. */
export async function liveSubscribers(base: string): Promise<number> {
  const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5_000) });
  const body = (await response.json()) as { live?: { subscribers?: unknown } };
  const count = body.live?.subscribers;
  if (typeof count !== "number")
    throw new Error(`${base}/healthz does not report live.subscribers: ${JSON.stringify(body)}`);
  return count;
}

/** Polls `read` until `accept` takes its value; fails with the last value after `timeoutMs`. */
export async function waitUntil<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Opens `count` live streams on `base`, waits until its hub counts every one of them, closes them
 * all as closed tabs would, and waits until the hub counts none. Returns the timings.
 */
export async function openAndCloseMany(
  base: string,
  cookie: string,
  count: number,
): Promise<{ openMs: number; drainMs: number }> {
  const before = await liveSubscribers(base);
  if (before !== 0) throw new Error(`${base} already has ${before} live subscribers`);
  const started = Date.now();
  const streams = Array.from({ length: count }, () => openLiveStream(base, cookie));
  try {
    await Promise.all(streams.map((stream) => stream.ready));
    await waitUntil(
      () => liveSubscribers(base),
      (n) => n === count,
      10_000,
      "subscribers",
    );
  } finally {
    for (const stream of streams) stream.close();
  }
  const openMs = Date.now() - started;
  const closed = Date.now();
  await waitUntil(
    () => liveSubscribers(base),
    (n) => n === 0,
    5_000,
    "subscribers after close",
  );
  return { openMs, drainMs: Date.now() - closed };
}
