import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createDb, type DbHandle, sql } from "@hearth/db";
import { createTestDatabase, type TestDatabase } from "@hearth/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "../src/auth/lucia";
import { createContextInner } from "../src/context";
import { createCaller } from "../src/root";
import { type ApiRuntime, handleHealthRequest, handleTrpcRequest } from "../src/server/runtime";
import { asServiceUnavailable, BUSY_MESSAGE } from "../src/trpc";
import { createHarness, type Harness } from "./harness";

/**
 * More concurrent requests than the pool has connections: every conversation start completes,
 * /healthz answers throughout, and no transaction is left open. A request that cannot get a
 * connection in time is a 503 with a sentence a person can read, never a 500.
 */

const BURST = 100;
const HEALTH_POLL_MS = 50;
/** The health check gives the database a second; the rest is slack for a loaded test machine. */
const HEALTH_ANSWER_MS = 3_000;

interface HealthBody {
  status: "ok" | "degraded" | "unavailable";
  database: "up" | "busy" | "down";
  pool: { total: number; idle: number; waiting: number; max: number } | null;
  live: { subscribers: number; listening: boolean };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a burst of conversation starts through a real API process", () => {
  let t: TestDatabase;
  let child: ChildProcess | null = null;
  let base: string;

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    const tsx = path.resolve(__dirname, "../../../node_modules/.bin/tsx");
    const started = spawn(tsx, [path.join(__dirname, "fixtures/api-server.ts")], {
      env: {
        ...process.env,
        APP: "manager",
        DATABASE_URL: t.url,
        LOG_LEVEL: "silent",
        NODE_ENV: "test",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    child = started;
    base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the API did not start")), 30_000);
      started.stdout?.on("data", (chunk: Buffer) => {
        const port = chunk.toString().match(/listening (\d+)/)?.[1];
        if (port) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${port}`);
        }
      });
      started.once("exit", (code) => reject(new Error(`the API exited with ${code}`)));
    });
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await t?.destroy();
  });

  async function signIn(email: string): Promise<string> {
    const response = await fetch(`${base}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ json: { email, password: "demo-password" } }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie")?.split(";")[0];
    if (!cookie) throw new Error("no session cookie");
    return cookie;
  }

  async function userIds(emails: string[]): Promise<string[]> {
    const rows = await t.db
      .selectFrom("users")
      .select(["id", "email"])
      .where("email", "in", emails)
      .execute();
    return emails.map((email) => rows.find((row) => row.email === email)!.id);
  }

  async function health(): Promise<{ status: number; ms: number; body: HealthBody | null }> {
    const started = performance.now();
    try {
      const response = await fetch(`${base}/healthz`, {
        signal: AbortSignal.timeout(HEALTH_ANSWER_MS),
      });
      const body = (await response.json()) as HealthBody;
      return { status: response.status, ms: performance.now() - started, body };
    } catch {
      return { status: 0, ms: performance.now() - started, body: null };
    }
  }

  async function start(cookie: string, recipientId: string, clientId: string) {
    const response = await fetch(`${base}/api/trpc/conversations.start`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, cookie },
      body: JSON.stringify({
        json: {
          target: { kind: "direct", recipientId },
          message: { clientId, body: `Pool safety ${clientId}` },
        },
      }),
    });
    const body = (await response.json()) as { error?: { json: { message: string } } };
    return { status: response.status, error: body.error?.json.message ?? null };
  }

  it(`completes ${BURST} concurrent starts while /healthz answers, and leaves no transaction open`, async () => {
    // Starts between the same two people queue behind each other by design, so the burst spreads
    // over every pair the policy allows: the pool, not that queue, is what is under test.
    const senders = await Promise.all(
      ["owner@standard.demo", "team@standard.demo"].map((email) => signIn(email)),
    );
    const candidates = await userIds(
      ["resident", "roommate", "future", "former", "pro", "landowner"].map(
        (role) => `${role}@standard.demo`,
      ),
    );
    const pairs: { cookie: string; recipientId: string }[] = [];
    for (const [s, cookie] of senders.entries())
      for (const [r, recipientId] of candidates.entries())
        if ((await start(cookie, recipientId, `pool-safety-warm-${s}-${r}`)).status === 200)
          pairs.push({ cookie, recipientId });
    expect(pairs.length).toBeGreaterThanOrEqual(4);

    const before = await health();
    expect(before.status).toBe(200);
    expect(before.body?.pool?.max).toBe(10);
    expect(BURST).toBeGreaterThan(before.body?.pool?.max ?? 0);

    const polls: Awaited<ReturnType<typeof health>>[] = [];
    let bursting = true;
    const polling = (async () => {
      while (bursting) {
        polls.push(await health());
        await sleep(HEALTH_POLL_MS);
      }
    })();

    const started = performance.now();
    const starts = await Promise.all(
      Array.from({ length: BURST }, (_, i) => {
        const pair = pairs[i % pairs.length]!;
        return start(pair.cookie, pair.recipientId, `pool-safety-burst-${i}`);
      }),
    );
    const burstMs = performance.now() - started;
    bursting = false;
    await polling;

    const failed = starts.filter((start) => start.status !== 200);
    const slowest = Math.max(...polls.map((poll) => poll.ms));
    console.info(
      `pool safety: ${BURST - failed.length} of ${BURST} starts ok over ${pairs.length} pairs ` +
        `in ${Math.round(burstMs)} ms; ` +
        `${polls.length} /healthz polls, slowest ${Math.round(slowest)} ms, ` +
        `${polls.filter((p) => p.status === 503).length} degraded, ` +
        `most waiting ${Math.max(...polls.map((p) => p.body?.pool?.waiting ?? 0))}`,
    );
    expect(failed, `${failed.length} of ${BURST} starts failed`).toEqual([]);
    expect(polls.length).toBeGreaterThan(0);
    for (const poll of polls) {
      expect([200, 503]).toContain(poll.status);
      expect(poll.body?.pool).not.toBeNull();
      expect(poll.ms).toBeLessThan(HEALTH_ANSWER_MS);
    }

    const messages = await t.db
      .selectFrom("messages")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("client_id", "like", "pool-safety-burst-%")
      .executeTakeFirstOrThrow();
    expect(messages.n).toBe(BURST);

    const open = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where datname = ${t.name} and state like 'idle in transaction%'`.execute(t.db);
    expect(open.rows[0]?.n).toBe(0);

    const after = await health();
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ status: "ok", database: "up", pool: { waiting: 0 } });
  }, 60_000);
});

describe("a request that cannot get a connection", () => {
  let h: Harness;
  let starved: DbHandle;
  let runtime: ApiRuntime;
  let cookie: string;

  beforeAll(async () => {
    h = await createHarness();
    // One connection, so holding it starves the pool at once; the wait outlasts the health probe.
    starved = createDb(h.t.url, { max: 1, acquireTimeoutMs: 2_000 });
    // As in production, sessions are read through the same pool, so over HTTP even the session
    // check before the procedure finds no connection.
    runtime = {
      deps: {
        ...h.deps,
        db: starved.db,
        poolStats: starved.stats,
        auth: {
          manager: createAuth(starved.pool, "manager", { secure: false }),
          resident: createAuth(starved.pool, "resident", { secure: false }),
        },
      },
      env: {} as never,
      close: async () => {},
    };
    const owner = await h.userId("owner@standard.demo");
    const session = await h.deps.auth.manager.createSession(owner, { app: "manager" });
    cookie = h.deps.auth.manager.createSessionCookie(session.id).serialize().split(";")[0]!;
  });

  afterAll(async () => {
    await starved.destroy();
    await h.close();
  });

  async function signedInCaller() {
    const user = await h.userId("owner@standard.demo");
    const session = await h.deps.auth.manager.createSession(user, { app: "manager" });
    const validated = await h.deps.auth.manager.validateSession(session.id);
    if (!validated.user || !validated.session) throw new Error("no session");
    return createCaller(
      createContextInner(
        runtime.deps,
        { app: "manager", requestId: "pool-safety", ip: null, resHeaders: new Headers() },
        { user: validated.user, session: validated.session },
      ),
    );
  }

  it("is refused with SERVICE_UNAVAILABLE and a clear message, by a caller and over HTTP (503)", async () => {
    const caller = await signedInCaller();
    const held = await starved.pool.connect();
    try {
      const error = await caller.conversations.list({ archived: false }).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect(error).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: BUSY_MESSAGE });

      const response = await handleTrpcRequest(
        runtime,
        "manager",
        new Request("http://manager.test/api/trpc/conversations.list", { headers: { cookie } }),
      );
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      const text = await response.text();
      expect(text).not.toMatch(/timeout exceeded/i);
      const body = JSON.parse(text) as {
        error: { json: { message: string; data: { code: string; httpStatus: number } } };
      };
      expect(body.error.json.message).toBe(BUSY_MESSAGE);
      expect(body.error.json.data).toMatchObject({ code: "SERVICE_UNAVAILABLE", httpStatus: 503 });
    } finally {
      held.release();
    }
    await expect(caller.conversations.list({ archived: false })).resolves.toBeDefined();
  });

  it("reports the starved pool on /healthz within about a second, then recovers", async () => {
    const held = await starved.pool.connect();
    try {
      const started = performance.now();
      const response = await handleHealthRequest(runtime, "manager");
      expect(performance.now() - started).toBeLessThan(HEALTH_ANSWER_MS);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        status: "degraded",
        database: "busy",
        pool: { total: 1, idle: 0, waiting: 1, max: 1 },
      });
    } finally {
      held.release();
    }
    const response = await handleHealthRequest(runtime, "manager");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "ok",
      database: "up",
      pool: { waiting: 0, max: 1 },
      live: { subscribers: 0 },
    });
  });

  it("maps a statement timeout and a lost connection the same way, and nothing else", async () => {
    const impatient = createDb(h.t.url, { max: 1, statementTimeoutMs: 50 });
    try {
      const timedOut = await sql`select pg_sleep(1)`.execute(impatient.db).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(asServiceUnavailable(timedOut)).toMatchObject({
        code: "SERVICE_UNAVAILABLE",
        message: BUSY_MESSAGE,
      });
    } finally {
      await impatient.destroy();
    }
    const lost = new Error("Client has encountered a connection error and is not queryable");
    expect(asServiceUnavailable(lost)?.code).toBe("SERVICE_UNAVAILABLE");
    const wrong = await sql`select 1/0`.execute(h.t.db).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(asServiceUnavailable(wrong)).toBeNull();
  });
});
