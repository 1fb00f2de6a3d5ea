import { randomUUID } from "node:crypto";
import { type AppKind, createDb, poolDefaults } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { verifyRequestOrigin } from "lucia";
import { createAuth } from "../auth/lucia";
import { systemClock } from "../clock";
import { type ApiDeps, type Context, type ContextSession, createContextInner } from "../context";
import { readServerEnv, type ServerEnv } from "../env";
import { fileStorageFromEnv } from "../files/storage-from-env";
import { createLogger } from "../logger";
import { createDevMailbox, createSmtpMailer } from "../mail/mailer";
import { createLiveHub } from "../realtime/hub";
import { appRouter, createCaller } from "../root";
import { searchEngineFromEnv } from "../search/engine";
import { asServiceUnavailable } from "../trpc";
import { clientAddress } from "./client-address";

export interface ApiRuntime {
  deps: ApiDeps;
  env: ServerEnv;
  close(): Promise<void>;
}

/** Builds the API's long-lived services from the environment: one per server process. */
export function createApiRuntime(env: ServerEnv = readServerEnv()): ApiRuntime {
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start the product with `npm run dev`, which provides it.",
    );
  }
  const logger = createLogger(env.LOG_LEVEL);
  const { db, pool, stats, destroy } = createDb(env.DATABASE_URL, {
    ...poolDefaults,
    // The error carries its pg client; logging that whole object buries the one useful line.
    onIdleError: (error) =>
      logger.warn(
        { code: (error as { code?: string }).code, message: error.message },
        "database connection lost",
      ),
  });
  const secure = env.SESSION_SECURE ?? env.NODE_ENV === "production";
  const live = createLiveHub(env.DATABASE_URL, logger);
  const deps: ApiDeps = {
    db,
    poolStats: stats,
    live,
    search: searchEngineFromEnv(env, db),
    files: fileStorageFromEnv(env),
    auth: {
      manager: createAuth(pool, "manager", { secure }),
      resident: createAuth(pool, "resident", { secure }),
    },
    logger,
    mailer: env.SMTP_URL ? createSmtpMailer(env.SMTP_URL, env.MAIL_FROM) : createDevMailbox(db),
    clock: systemClock,
    urls: { manager: env.MANAGER_URL, resident: env.RESIDENT_URL },
    devTools: env.DEV_TOOLS
      ? env.DEV_TOOLS === "on"
      : env.NODE_ENV !== "production" && !env.SMTP_URL,
  };
  return {
    deps,
    env,
    close: async () => {
      await live.close();
      await destroy();
    },
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Mutating requests must come from a page of this same app (CSRF defence beside SameSite=Lax). */
export function isSameOriginOrSafe(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const origin = request.headers.get("Origin");
  const host = request.headers.get("X-Forwarded-Host") ?? request.headers.get("Host");
  return origin !== null && host !== null && verifyRequestOrigin(origin, [host]);
}

function requestIdOf(request: Request): string {
  const given = request.headers.get("X-Request-Id");
  return given && /^[\w.-]{8,100}$/.test(given) ? given : randomUUID();
}

/** What the server adapter knows of the connection, beyond the fetch Request. */
export interface ConnectionInfo {
  /** The socket's remote address. */
  peerAddress?: string | null;
}

/** Calls one HTTP request may batch: each runs with its own checks, so a batch multiplies them. */
export const MAX_BATCH_CALLS = 20;

function batchSize(request: Request): number {
  const url = new URL(request.url);
  if (!url.searchParams.has("batch")) return 1;
  const paths = url.pathname.replace(/^.*\/api\/trpc\/?/, "");
  return decodeURIComponent(paths).split(",").length;
}

/** Reads and validates this app's session cookie; refreshes or clears it on `resHeaders`. */
async function resolveSession(
  deps: ApiDeps,
  app: AppKind,
  request: Request,
  resHeaders: Headers,
): Promise<ContextSession | null> {
  const auth = deps.auth[app];
  const sessionId = auth.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return null;
  const { session, user } = await auth.validateSession(sessionId);
  if (!session || !user) {
    resHeaders.append("Set-Cookie", auth.createBlankSessionCookie().serialize());
    return null;
  }
  if (session.app !== app) return null;
  if (session.fresh)
    resHeaders.append("Set-Cookie", auth.createSessionCookie(session.id).serialize());
  return { session, user };
}

/** The full context for one request to `app`. Refuses a cross-origin mutation. */
export async function createRequestContext(
  runtime: ApiRuntime,
  app: AppKind,
  request: Request,
  resHeaders: Headers,
  connection: ConnectionInfo = {},
): Promise<Context> {
  if (!isSameOriginOrSafe(request)) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "This request came from another site and was refused.",
    });
  }
  let signedIn: ContextSession | null;
  try {
    signedIn = await resolveSession(runtime.deps, app, request, resHeaders);
  } catch (error) {
    throw asServiceUnavailable(error) ?? error;
  }
  return createContextInner(
    runtime.deps,
    {
      app,
      requestId: requestIdOf(request),
      ip: clientAddress(request, runtime.env.TRUSTED_PROXIES ?? [], connection.peerAddress),
      resHeaders,
    },
    signedIn,
  );
}

/** A server-side caller for a Remix loader or action; Set-Cookie headers land on `resHeaders`. */
export async function createRequestCaller(
  runtime: ApiRuntime,
  app: AppKind,
  request: Request,
  resHeaders: Headers,
) {
  return createCaller(await createRequestContext(runtime, app, request, resHeaders));
}

/** The tRPC fetch handler mounted at `/api/trpc` in each app. */
export async function handleTrpcRequest(
  runtime: ApiRuntime,
  app: AppKind,
  request: Request,
  connection: ConnectionInfo = {},
): Promise<Response> {
  if (!isSameOriginOrSafe(request)) {
    return Response.json(
      { error: { message: "This request came from another site and was refused." } },
      { status: 403 },
    );
  }
  if (batchSize(request) > MAX_BATCH_CALLS) {
    return Response.json(
      { error: { message: `A batch may hold at most ${MAX_BATCH_CALLS} calls.` } },
      { status: 400 },
    );
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: ({ resHeaders }) =>
      createRequestContext(runtime, app, request, resHeaders, connection),
    responseMeta: ({ errors }) =>
      errors.some((error) => error.code === "SERVICE_UNAVAILABLE")
        ? { headers: { "Retry-After": "1" } }
        : {},
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR")
        runtime.deps.logger.error({ err: error, path }, "trpc error");
    },
  });
}

/**
 * `/healthz` of `app`: the health report as JSON, 200 while the database answers in time and 503
 * (same body) when the pool is starved or the database is down. It never waits long.
 */
export async function handleHealthRequest(runtime: ApiRuntime, app: AppKind): Promise<Response> {
  const headers = { "Cache-Control": "no-store" };
  try {
    const caller = createCaller(
      createContextInner(
        runtime.deps,
        { app, requestId: randomUUID(), ip: null, resHeaders: new Headers() },
        null,
      ),
    );
    const health = await caller.health.check();
    return Response.json(
      { ...health, app },
      { status: health.status === "ok" ? 200 : 503, headers },
    );
  } catch {
    return Response.json(
      { status: "unavailable", database: "down", app },
      { status: 503, headers },
    );
  }
}
