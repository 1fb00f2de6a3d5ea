/**
 * A worker process killed in the middle of delivering an email: the email went out, the job never
 * learnt it. A new worker unlocks the dead worker's job (its heartbeat went stale, so no four-hour
 * wait), runs it again, and the email is in the mailbox exactly once.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { sql } from "@hearth/db";
import { createTestDatabase, type TestDatabase } from "@hearth/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker } from "../src/jobs/worker";
import { createLogger } from "../src/logger";
import { createDevMailbox } from "../src/mail/mailer";
import { queueEmail } from "../src/outbox/email";

const timing = { intervalMs: 200, staleAfterMs: 1_500 };

let t: TestDatabase;
let child: ChildProcess | null = null;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await t.destroy();
});

/** Starts the fixture worker and resolves once it prints a line matching `line`. */
function spawnWorker(line: RegExp): Promise<ChildProcess> {
  // Node itself with tsx's loader, not the tsx launcher: a SIGKILL to the launcher would leave
  // the process that runs the worker alive.
  const worker = spawn(process.execPath, ["--import", "tsx", "test/fixtures/email-worker.ts"], {
    cwd: path.resolve(__dirname, ".."),
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      NODE_ENV: "test",
      HEARTBEAT_INTERVAL_MS: String(timing.intervalMs),
      HEARTBEAT_STALE_MS: String(timing.staleAfterMs),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  child = worker;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker never printed ${line}`)), 30_000);
    let output = "";
    worker.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (line.test(output)) {
        clearTimeout(timer);
        resolve(worker);
      }
    });
    worker.once("exit", (code) => reject(new Error(`worker exited with ${code}: ${output}`)));
  });
}

async function state(key: string) {
  const row = await t.db
    .selectFrom("outbound_emails")
    .select(["id", "sent_at"])
    .where("dedupe_key", "=", key)
    .executeTakeFirstOrThrow();
  const jobs = await sql<{ locked_by: string | null }>`
    select locked_by from graphile_worker.jobs where key = ${`deliver_email:${row.id}`}`.execute(
    t.db,
  );
  const mail = await t.db
    .selectFrom("dev_mailbox")
    .select("idempotency_key")
    .where("recipient", "=", "crash@example.com")
    .execute();
  return { sent: row.sent_at !== null, jobs: jobs.rows, mail: mail.length };
}

describe("a worker killed mid-job", () => {
  it("has its email delivered exactly once by the next worker, without a long wait", async () => {
    const key = "crash-test";
    await t.db.transaction().execute((trx) =>
      queueEmail(trx, {
        dedupeKey: key,
        to: "crash@example.com",
        subject: "Survives a crash",
        text: "Delivered once",
        organizationId: null,
      }),
    );

    const dying = await spawnWorker(new RegExp(`delivered ${key}`));
    const midJob = await state(key);
    expect(midJob).toMatchObject({ sent: false, mail: 1 });
    expect(midJob.jobs).toEqual([{ locked_by: expect.stringMatching(/^worker-/) }]);

    const exited = new Promise((resolve) => dying.once("exit", resolve));
    dying.kill("SIGKILL");
    await exited;

    const restartedAt = Date.now();
    const worker = await startWorker(t.url, createLogger("silent"), {
      mailer: createDevMailbox,
      heartbeat: timing,
      pollIntervalMs: 100,
    });
    try {
      const deadline = restartedAt + 15_000;
      while (!(await state(key)).sent) {
        if (Date.now() > deadline) {
          const heartbeats = await t.db.selectFrom("worker_heartbeats").selectAll().execute();
          throw new Error(
            `not delivered after the restart: ${JSON.stringify({ ...(await state(key)), heartbeats })}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // The dead process ran two workers whose beats may be a tick apart: the sweep that freed the
      // job may have found only one of them stale yet. The next sweeps forget the other.
      const dead = `%:${dying.pid}`;
      while (
        (
          await t.db
            .selectFrom("worker_heartbeats")
            .select("worker_id")
            .where("process", "like", dead)
            .execute()
        ).length > 0
      ) {
        if (Date.now() > deadline)
          throw new Error("the dead process's workers were never forgotten");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await worker.stop();
    }
    expect(Date.now() - restartedAt).toBeLessThan(10_000);
    expect(await state(key)).toEqual({ sent: true, jobs: [], mail: 1 });
    const heartbeats = await t.db.selectFrom("worker_heartbeats").select("worker_id").execute();
    expect(heartbeats).toEqual([]);
  }, 60_000);
});
