/**
 * The email outbox: an email is queued in the transaction that causes it, and its delivery job
 * is retried until the email is delivered, exactly once.
 */
import { sql } from "@hearth/db";
import { createTestDatabase, type TestDatabase } from "@hearth/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker } from "../src/jobs/worker";
import { createLogger } from "../src/logger";
import { createDevMailbox, type Mailer, messageIdFor } from "../src/mail/mailer";
import { EMAIL_MAX_ATTEMPTS, queueEmail } from "../src/outbox/email";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.destroy());

const email = (dedupeKey: string, to = `${dedupeKey}@example.com`) => ({
  dedupeKey,
  to,
  subject: `About ${dedupeKey}`,
  text: `Hello from ${dedupeKey}`,
  organizationId: null,
});

async function outboxRow(dedupeKey: string) {
  return t.db
    .selectFrom("outbound_emails")
    .select(["id", "attempts", "last_error", "sent_at"])
    .where("dedupe_key", "=", dedupeKey)
    .executeTakeFirst();
}

async function jobsFor(outboundEmailId: number) {
  const result = await sql<{ task_identifier: string; max_attempts: number }>`
    select task_identifier, max_attempts from graphile_worker.jobs
    where key = ${`deliver_email:${outboundEmailId}`}`.execute(t.db);
  return result.rows;
}

async function mailboxTo(to: string) {
  return t.db.selectFrom("dev_mailbox").select("body").where("recipient", "=", to).execute();
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("queueing an email", () => {
  it("writes the row and its delivery job in the caller's transaction", async () => {
    await t.db.transaction().execute((trx) => queueEmail(trx, email("committed")));
    const row = await outboxRow("committed");
    expect(row).toMatchObject({ attempts: 0, sent_at: null });
    expect(await jobsFor(row!.id)).toEqual([
      { task_identifier: "deliver_email", max_attempts: EMAIL_MAX_ATTEMPTS },
    ]);
  });

  it("leaves no row and no job when the causing transaction rolls back", async () => {
    const jobsBefore = await sql<{ n: number }>`
      select count(*)::int as n from graphile_worker.jobs`.execute(t.db);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await queueEmail(trx, email("rolled-back"));
        throw new Error("the write that caused the email failed");
      }),
    ).rejects.toThrow("the write that caused the email failed");
    expect(await outboxRow("rolled-back")).toBeUndefined();
    const jobsAfter = await sql<{ n: number }>`
      select count(*)::int as n from graphile_worker.jobs`.execute(t.db);
    expect(jobsAfter.rows[0]?.n).toBe(jobsBefore.rows[0]?.n);
  });

  it("queues an email once per dedupe key", async () => {
    const first = await t.db.transaction().execute((trx) => queueEmail(trx, email("twice")));
    const second = await t.db.transaction().execute((trx) => queueEmail(trx, email("twice")));
    expect([first, second]).toEqual([true, false]);
    const row = await outboxRow("twice");
    expect(await jobsFor(row!.id)).toHaveLength(1);
  });
});

describe("the mailer port", () => {
  it("keeps one dev mailbox row per idempotency key", async () => {
    const mailer = createDevMailbox(t.db);
    const message = {
      to: "once@example.com",
      subject: "Once",
      text: "Only once",
      organizationId: null,
    };
    await mailer.send(message, "same-key");
    await mailer.send(message, "same-key");
    expect(await mailboxTo("once@example.com")).toHaveLength(1);
  });

  it("gives SMTP a Message-ID that depends only on the key", () => {
    const from = "Hearth <no-reply@hearth.example>";
    expect(messageIdFor("invitation:1", from)).toBe(messageIdFor("invitation:1", from));
    expect(messageIdFor("invitation:1", from)).not.toBe(messageIdFor("invitation:2", from));
    expect(messageIdFor("invitation:1", from)).toMatch(/^<[0-9a-f]{40}@hearth\.example>$/);
  });
});

describe("delivering", () => {
  it("retries an email whose first try fails and delivers it exactly once", async () => {
    const keys = ["flaky-1", "flaky-2", "flaky-3"];
    await t.db.transaction().execute(async (trx) => {
      for (const key of keys) await queueEmail(trx, email(key));
    });
    const tries = new Map<string, number>();
    const flaky = (db: Parameters<typeof createDevMailbox>[0]): Mailer => {
      const mailbox = createDevMailbox(db);
      return {
        kind: mailbox.kind,
        async send(message, idempotencyKey) {
          const n = (tries.get(idempotencyKey) ?? 0) + 1;
          tries.set(idempotencyKey, n);
          if (n === 1) throw new Error("SMTP 451: try again later");
          await mailbox.send(message, idempotencyKey);
        },
      };
    };
    const worker = await startWorker(t.url, createLogger("silent"), {
      mailer: flaky,
      pollIntervalMs: 100,
    });
    try {
      await waitFor(async () => {
        const rows = await Promise.all(keys.map(outboxRow));
        return rows.every((row) => row?.sent_at);
      }, 15_000);
    } finally {
      await worker.stop();
    }
    for (const key of keys) {
      expect(tries.get(key)).toBe(2);
      const row = await outboxRow(key);
      expect(row).toMatchObject({ attempts: 2, last_error: null });
      expect(await mailboxTo(`${key}@example.com`)).toEqual([{ body: `Hello from ${key}` }]);
      expect(await jobsFor(row!.id)).toEqual([]);
    }
  }, 30_000);

  it("records the failure on the row while the job waits for its retry", async () => {
    await t.db.transaction().execute((trx) => queueEmail(trx, email("always-fails")));
    const broken: Mailer = {
      kind: "smtp",
      async send() {
        throw new Error("SMTP 554: rejected");
      },
    };
    const worker = await startWorker(t.url, createLogger("silent"), {
      mailer: () => broken,
      pollIntervalMs: 100,
    });
    try {
      await waitFor(async () => ((await outboxRow("always-fails"))?.attempts ?? 0) > 0, 10_000);
    } finally {
      await worker.stop();
    }
    const row = await outboxRow("always-fails");
    expect(row).toMatchObject({ attempts: 1, sent_at: null });
    expect(row?.last_error).toContain("SMTP 554: rejected");
    expect(await jobsFor(row!.id)).toHaveLength(1);
  }, 20_000);
});
