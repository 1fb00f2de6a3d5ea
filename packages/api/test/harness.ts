import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type AppKind, sql } from "@hearth/db";
import { createTestDatabase, type TestDatabase } from "@hearth/db/testing";
import { createPostgresSearch, type SearchEngine } from "@hearth/search";
import { runOnce, Logger as WorkerLogger } from "graphile-worker";
import { appForKind, createAuth } from "../src/auth/lucia";
import type { Clock } from "../src/clock";
import { type ApiDeps, createContextInner } from "../src/context";
import { createLocalStorage } from "../src/files/local-storage";
import type { FileStorage } from "../src/files/storage";
import { taskList } from "../src/jobs/tasks";
import { createLogger } from "../src/logger";
import { createDevMailbox } from "../src/mail/mailer";
import { createLiveHub } from "../src/realtime/hub";
import { createCaller } from "../src/root";

export interface Harness {
  t: TestDatabase;
  deps: ApiDeps;
  /** A caller for `app` with no session. */
  anonymous(
    app: AppKind,
    options?: { ip?: string | null },
  ): { caller: ReturnType<typeof createCaller>; resHeaders: Headers };
  /** A caller signed in as the demo user with this email, in the app their kind belongs to. */
  as(email: string, options?: { ip?: string | null }): Promise<ReturnType<typeof createCaller>>;
  /** The same, with the headers the calls set (cookies). */
  session(
    email: string,
    options?: { ip?: string | null },
  ): Promise<{ caller: ReturnType<typeof createCaller>; resHeaders: Headers }>;
  userId(email: string): Promise<string>;
  mailTo(email: string): Promise<{ subject: string | null; body: string }[]>;
  close(): Promise<void>;
}

/** A seeded database of this file's own and the API's real services on it. */
export async function createHarness(
  options: {
    clock?: Clock;
    search?: (db: TestDatabase["db"]) => SearchEngine;
    files?: FileStorage;
  } = {},
): Promise<Harness> {
  const t = await createTestDatabase({ seeded: true });
  const live = createLiveHub(t.url, createLogger("silent"));
  const uploadsDir = mkdtempSync(path.join(tmpdir(), "hearth-uploads-"));
  const deps: ApiDeps = {
    db: t.db,
    live,
    search: options.search ? options.search(t.db) : createPostgresSearch(t.db),
    files: options.files ?? createLocalStorage(uploadsDir),
    auth: {
      manager: createAuth(t.pool, "manager", { secure: false }),
      resident: createAuth(t.pool, "resident", { secure: false }),
    },
    logger: createLogger("silent"),
    mailer: createDevMailbox(t.db),
    clock: options.clock ?? { now: () => new Date() },
    urls: { manager: "http://manager.test", resident: "http://resident.test" },
    devTools: true,
  };
  let request = 0;
  const contextFor = (
    app: AppKind,
    signedIn: Parameters<typeof createContextInner>[2],
    ip: string | null = "10.0.0.1",
  ) => {
    const resHeaders = new Headers();
    const ctx = createContextInner(
      deps,
      { app, requestId: `test-${++request}`, ip, resHeaders },
      signedIn,
    );
    return { caller: createCaller(ctx), resHeaders };
  };
  const userId = async (email: string) =>
    (
      await t.db
        .selectFrom("users")
        .select("id")
        .where("email", "=", email)
        .executeTakeFirstOrThrow()
    ).id;
  const session = async (email: string, options: { ip?: string | null } = {}) => {
    const user = await t.db
      .selectFrom("users")
      .select(["id", "kind"])
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    const app = appForKind[user.kind];
    const session = await deps.auth[app].createSession(user.id, { app });
    const validated = await deps.auth[app].validateSession(session.id);
    if (!validated.user || !validated.session) throw new Error(`could not sign in ${email}`);
    return contextFor(app, { user: validated.user, session: validated.session }, options.ip);
  };
  return {
    t,
    deps,
    anonymous: (app, opts) => contextFor(app, null, opts?.ip),
    as: async (email, options) => (await session(email, options)).caller,
    session,
    userId,
    async mailTo(email) {
      return t.db
        .selectFrom("dev_mailbox")
        .select(["subject", "body"])
        .where("recipient", "=", email)
        .orderBy("id")
        .execute();
    },
    close: async () => {
      await live.close();
      await t.destroy();
      rmSync(uploadsDir, { recursive: true, force: true });
    },
  };
}

/** Emails of a conversation's participants, sorted. */
export async function participantsOf(h: Harness, conversationId: string): Promise<string[]> {
  const rows = await h.t.db
    .selectFrom("conversation_participants as p")
    .innerJoin("users as u", "u.id", "p.user_id")
    .select("u.email")
    .where("p.conversation_id", "=", conversationId)
    .orderBy("u.email")
    .execute();
  return rows.map((r) => r.email);
}

/** Row counts of several tables at once, for "nothing was written" assertions. */
export async function rowCounts<T extends string>(
  h: Harness,
  tables: Record<T, string>,
): Promise<Record<T, number>> {
  const counts = {} as Record<T, number>;
  for (const [key, table] of Object.entries(tables) as [T, string][]) {
    const row = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(table)}`.execute(h.t.db);
    counts[key] = row.rows[0]?.n ?? 0;
  }
  return counts;
}

/** Row count of a table, for "nothing was written" assertions. */
export async function countRows(
  h: Harness,
  table: "users" | "invitations" | "sessions" | "connections" | "audit_log",
): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
    h.t.db,
  );
  return row.rows[0]?.n ?? 0;
}

/**
 * Runs every job that is due (the emails the outbox queued, ...) with the harness's services until
 * none is left, as the worker would. A job that fails waits for its retry and is not run again.
 */
export async function runQueuedJobs(h: Harness): Promise<void> {
  await runOnce({
    pgPool: h.t.pool,
    noHandleSignals: true,
    logger: new WorkerLogger(() => () => {}),
    taskList: taskList({
      db: h.t.db,
      logger: h.deps.logger,
      mailer: h.deps.mailer,
      urls: h.deps.urls,
      clock: h.deps.clock,
      files: h.deps.files,
    }),
  });
}
