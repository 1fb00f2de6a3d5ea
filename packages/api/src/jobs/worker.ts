import { type AppKind, createDb, type Database, type Kysely } from "@hearth/db";
import type { SearchEngine } from "@hearth/search";
import { type Runner, run, Logger as WorkerLogger } from "graphile-worker";
import { readServerEnv } from "../env";
import type { Logger } from "../logger";
import { createMailer, type Mailer } from "../mail/mailer";
import { searchEngineFromEnv } from "../search/engine";
import { type IndexerTiming, indexerDefaults, startSearchIndexer } from "../search/indexer";
import type { SmsProvider } from "../sms/provider";
import {
  type Heartbeat,
  type HeartbeatTiming,
  heartbeatDefaults,
  startHeartbeat,
} from "./heartbeat";
import { crontab, taskList } from "./tasks";

declare global {
  namespace GraphileConfig {
    interface Plugins {
      HearthWorkerHeartbeat: true;
    }
  }
}

export interface StartWorkerOptions {
  /** The mailer jobs send with; by default the one the environment asks for (see createMailer). */
  mailer?: (db: Kysely<Database>) => Mailer;
  heartbeat?: Partial<HeartbeatTiming>;
  /** How often an idle worker looks for jobs that became due (new jobs wake it at once). */
  pollIntervalMs?: number;
  /** The engine the search indexer keeps; by default the one the environment asks for. */
  search?: (db: Kysely<Database>) => SearchEngine;
  indexer?: Partial<IndexerTiming>;
  /** Each app's address for links in emails; by default MANAGER_URL and RESIDENT_URL. */
  urls?: Record<AppKind, string> | undefined;
  /** Where texts go; by default Twilio when configured, else the dev outbox. */
  sms?: (db: Kysely<Database>) => SmsProvider;
}

/** Registers each worker's heartbeat before its first job, so a crash mid-job is always seen. */
function heartbeatPlugin(heartbeat: Heartbeat): GraphileConfig.Plugin {
  return {
    name: "HearthWorkerHeartbeat",
    version: "1.0.0",
    worker: {
      hooks: {
        startWorker: (_context, event) => heartbeat.register(event.worker.workerId),
      },
    },
  };
}

/**
 * Starts the job worker against the same Postgres (graphile-worker keeps its queue there, so
 * jobs survive restarts and run once). Returns a stop function.
 */
export async function startWorker(
  connectionString: string,
  logger: Logger,
  options: StartWorkerOptions = {},
): Promise<{ stop(): Promise<void> }> {
  const log = logger.child({ component: "worker" });
  // On Ctrl-C the terminal signals Postgres too, so connection errors while stopping are expected noise.
  let stopping = false;
  // Two jobs at a time, the heartbeat, and the search indexer (its lock and its queries).
  const handle = createDb(connectionString, {
    max: 6,
    onIdleError: (error) => {
      if (!stopping) log.warn({ err: error }, "database connection lost");
    },
  });
  const mailer = options.mailer
    ? options.mailer(handle.db)
    : createMailer(readServerEnv(), handle.db);
  const heartbeat = await startHeartbeat(
    handle.db,
    { ...heartbeatDefaults, ...options.heartbeat },
    log,
  );
  let runner: Runner;
  try {
    runner = await startRunner();
  } catch (error) {
    await heartbeat.stop();
    await handle.destroy();
    throw error;
  }
  const engine = options.search
    ? options.search(handle.db)
    : searchEngineFromEnv(readServerEnv(), handle.db);
  const indexer = startSearchIndexer(handle.db, engine, log, {
    ...indexerDefaults,
    ...options.indexer,
  });
  return {
    async stop() {
      stopping = true;
      await indexer.stop();
      await runner.stop();
      await heartbeat.stop();
      await handle.destroy();
    },
  };

  function startRunner(): Promise<Runner> {
    return run({
      pgPool: handle.pool,
      concurrency: 2,
      noHandleSignals: true,
      pollInterval: options.pollIntervalMs ?? 2000,
      taskList: taskList({
        db: handle.db,
        logger: log,
        mailer,
        urls: options.urls,
        ...(options.sms ? { sms: options.sms(handle.db) } : {}),
      }),
      crontab,
      preset: { plugins: [heartbeatPlugin(heartbeat)] },
      logger: new WorkerLogger(() => (level, message) => {
        if (stopping) return;
        if (level === "error") log.error(message);
        else if (level === "warning") log.warn(message);
        else log.debug(message);
      }),
    });
  }
}
