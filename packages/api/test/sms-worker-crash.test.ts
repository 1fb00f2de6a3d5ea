/**
 * A worker process killed in the middle of sending a text: the text reached the provider, the job
 * never learnt it. The next worker runs the job again and the dev outbox holds the text once.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { sql } from "@hearth/db";
import { createTestDatabase, type TestDatabase } from "@hearth/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker } from "../src/jobs/worker";
import { createLogger } from "../src/logger";
import { queueSms } from "../src/sms/outbox";
import { createDevSmsOutbox } from "../src/sms/provider";

const timing = { intervalMs: 200, staleAfterMs: 1_500 };
const phone = "+15550107777";

let t: TestDatabase;
let child: ChildProcess | null = null;
beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
});
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await t.destroy();
});

function spawnWorker(line: RegExp): Promise<ChildProcess> {
  const worker = spawn(process.execPath, ["--import", "tsx", "test/fixtures/sms-worker.ts"], {
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
    .selectFrom("outbound_sms")
    .select(["id", "status"])
    .where("dedupe_key", "=", key)
    .executeTakeFirstOrThrow();
  const jobs = await sql<{ locked_by: string | null }>`
    select locked_by from graphile_worker.jobs where key = ${`deliver_sms:${row.id}`}`.execute(
    t.db,
  );
  const texts = await t.db
    .selectFrom("dev_mailbox")
    .select("id")
    .where("channel", "=", "sms")
    .where("recipient", "=", phone)
    .execute();
  return { status: row.status, jobs: jobs.rows, texts: texts.length };
}

describe("a worker killed while sending a text", () => {
  it("has the text sent exactly once by the next worker", async () => {
    const key = "sms-crash-test";
    const org = await t.db.selectFrom("organizations").select("id").executeTakeFirstOrThrow();
    await t.db.transaction().execute((trx) =>
      queueSms(trx, [
        {
          organizationId: org.id,
          userId: null,
          messageId: null,
          purpose: "reply",
          dedupeKey: key,
          to: phone,
          body: "Survives a crash",
        },
      ]),
    );

    const dying = await spawnWorker(new RegExp(`texted ${key}`));
    const midJob = await state(key);
    expect(midJob).toMatchObject({ status: "queued", texts: 1 });
    expect(midJob.jobs).toEqual([{ locked_by: expect.stringMatching(/^worker-/) }]);
    const exited = new Promise((resolve) => dying.once("exit", resolve));
    dying.kill("SIGKILL");
    await exited;

    const worker = await startWorker(t.url, createLogger("silent"), {
      sms: createDevSmsOutbox,
      heartbeat: timing,
      pollIntervalMs: 100,
    });
    try {
      const deadline = Date.now() + 15_000;
      while ((await state(key)).status !== "sent") {
        if (Date.now() > deadline) throw new Error(`not sent: ${JSON.stringify(await state(key))}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await worker.stop();
    }
    expect(await state(key)).toEqual({ status: "sent", jobs: [], texts: 1 });
  }, 60_000);
});
