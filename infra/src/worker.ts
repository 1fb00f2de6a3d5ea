/** The job worker as its own process (production); `npm run dev` runs it inside the launcher. */
import { createLogger } from "@hearth/api";
import { readServerEnv } from "@hearth/api/server";
import { startWorker } from "@hearth/api/worker";

const env = readServerEnv();
if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set.");
const logger = createLogger(env.LOG_LEVEL, { component: "worker" });
const worker = await startWorker(env.DATABASE_URL, logger);
logger.info("worker started");
const stop = async () => {
  await worker.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
