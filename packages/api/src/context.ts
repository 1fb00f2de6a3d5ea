import type { AppKind, Database, Kysely, PoolStats } from "@hearth/db";
import type { SearchEngine } from "@hearth/search";
import type { Session } from "lucia";
import type { Auth, SessionUser } from "./auth/lucia";
import type { Clock } from "./clock";
import type { FileStorage } from "./files/storage";
import type { Logger } from "./logger";
import type { Mailer } from "./mail/mailer";
import type { LiveHub } from "./realtime/hub";

/** Long-lived services, built once per process and injected, never imported as singletons. */
export interface ApiDeps {
  db: Kysely<Database>;
  auth: Record<AppKind, Auth>;
  logger: Logger;
  mailer: Mailer;
  clock: Clock;
  urls: Record<AppKind, string>;
  /** Message search (Postgres or Meilisearch); its index is kept by the worker's indexer. */
  search: SearchEngine;
  /** Live events across API processes (LISTEN/NOTIFY). */
  live: LiveHub;
  /** Attachment bytes (local disk or UploadThing); who may read them is in the database. */
  files: FileStorage;
  /** The load on `db`'s pool, for /healthz; absent where the deps do not own the pool (tests). */
  poolStats?: () => PoolStats;
  /** Development helpers such as the dev mailbox page; never on in production. */
  devTools: boolean;
}

/** What one request brings. */
export interface RequestMeta {
  app: AppKind;
  requestId: string;
  ip: string | null;
  /** Procedures append Set-Cookie here; the adapter copies them onto the response. */
  resHeaders: Headers;
}

export interface ContextSession {
  user: SessionUser;
  session: Session;
}

export interface Context extends ApiDeps, RequestMeta {
  user: SessionUser | null;
  session: Session | null;
  log: Logger;
}

/** The pure part of the context: tests call it with their own deps and session. */
export function createContextInner(
  deps: ApiDeps,
  meta: RequestMeta,
  signedIn: ContextSession | null,
): Context {
  return {
    ...deps,
    ...meta,
    user: signedIn?.user ?? null,
    session: signedIn?.session ?? null,
    log: deps.logger.child({ requestId: meta.requestId, app: meta.app, userId: signedIn?.user.id }),
  };
}
