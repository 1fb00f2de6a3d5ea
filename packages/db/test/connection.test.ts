import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle, databaseUnavailableReason } from "../src/connection";
import { createTestDatabase, type TestDatabase } from "../src/testing/index";

let t: TestDatabase;
const opened: DbHandle[] = [];
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  for (const handle of opened) await handle.destroy();
  await t.destroy();
});

function open(options: Parameters<typeof createDb>[1]): DbHandle {
  const handle = createDb(t.url, options);
  opened.push(handle);
  return handle;
}

async function reasonOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
  return databaseUnavailableReason(error);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createDb's pool safety", () => {
  it("sets the request-serving timeouts on every connection unless told otherwise", async () => {
    const defaults = open({});
    const bulk = open({ statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0 });
    const show = async (handle: DbHandle) =>
      (
        await sql<{
          statement: string;
          idle: string;
        }>`select current_setting('statement_timeout') as statement,
                  current_setting('idle_in_transaction_session_timeout') as idle`.execute(handle.db)
      ).rows[0];
    expect(await show(defaults)).toEqual({ statement: "15s", idle: "10s" });
    expect(await show(bulk)).toEqual({ statement: "0", idle: "0" });
  });

  it("fails a caller that waits too long for a connection, and counts it as waiting meanwhile", async () => {
    const handle = open({ max: 1, acquireTimeoutMs: 300 });
    const held = await handle.pool.connect();
    try {
      const started = performance.now();
      const waiting = sql`select 1`.execute(handle.db);
      await sleep(50);
      expect(handle.stats()).toEqual({ total: 1, idle: 0, waiting: 1, max: 1 });
      expect(await reasonOf(waiting)).toBe("pool_timeout");
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(handle.stats().waiting).toBe(0);
    } finally {
      held.release();
    }
    await expect(sql`select 1`.execute(handle.db)).resolves.toBeDefined();
  });

  it("cancels a statement over the statement timeout", async () => {
    const handle = open({ statementTimeoutMs: 100 });
    expect(await reasonOf(sql`select pg_sleep(2)`.execute(handle.db))).toBe("statement_timeout");
  });

  it("survives the server ending a transaction left idle: the transaction fails, the process and pool go on", async () => {
    const lost: Error[] = [];
    const handle = open({
      max: 1,
      idleInTransactionTimeoutMs: 150,
      onIdleError: (error) => lost.push(error),
    });
    const transaction = handle.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      await sleep(600);
      await sql`select 1`.execute(trx);
    });
    expect(await reasonOf(transaction)).toBe("connection_lost");
    expect(lost.map((error) => (error as Error & { code?: string }).code)).toEqual(["25P03"]);
    await expect(sql`select 1`.execute(handle.db)).resolves.toBeDefined();
    const stuck = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and state like 'idle in transaction%'`.execute(t.db);
    expect(stuck.rows[0]?.n).toBe(0);
  });

  it("tells these apart from errors of the statement itself", async () => {
    expect(await reasonOf(sql`select 1/0`.execute(t.db))).toBeNull();
    expect(databaseUnavailableReason(new Error("anything"))).toBeNull();
    expect(databaseUnavailableReason("timeout exceeded when trying to connect")).toBeNull();
    const wrapped = new Error("outer", {
      cause: new Error("timeout exceeded when trying to connect"),
    });
    expect(databaseUnavailableReason(wrapped)).toBe("pool_timeout");
  });
});
