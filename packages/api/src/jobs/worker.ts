import { createDb } from "@hearth/db";
import { type Runner, run, Logger as WorkerLogger } from "graphile-worker";
import type { Logger } from "../logger";
import { crontab, taskList } from "./tasks";

/**
 * Starts the job worker against the same Postgres (graphile-worker keeps its queue there, so
 * jobs survive restarts and run once). Returns a stop function.
 */
export async function startWorker(
  connectionString: string,
  logger: Logger,
): Promise<{ stop(): Promise<void> }> {
  const log = logger.child({ component: "worker" });
  // On Ctrl-C the terminal signals Postgres too, so connection errors while stopping are expected noise.
  let stopping = false;
  const handle = createDb(connectionString, {
    max: 4,
    onIdleError: (error) => {
      if (!stopping) log.warn({ err: error }, "database connection lost");
    },
  });
  const runner: Runner = await run({
    pgPool: handle.pool,
    concurrency: 2,
    noHandleSignals: true,
    pollInterval: 2000,
    taskList: taskList({ db: handle.db, logger: log }),
    crontab,
    logger: new WorkerLogger(() => (level, message) => {
      if (stopping) return;
      if (level === "error") log.error(message);
      else if (level === "warning") log.warn(message);
      else log.debug(message);
    }),
  });
  return {
    async stop() {
      stopping = true;
      await runner.stop();
      await handle.destroy();
    },
  };
}
