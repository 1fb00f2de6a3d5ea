import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";

/**
 * How many statements one send costs, counted at the driver: every round trip to Postgres,
 * BEGIN and COMMIT included. A deterministic guard for the send path's speed.
 */
let h: Harness;
let statements: string[] = [];
let counting = false;
const wrapped = new WeakSet<pg.PoolClient>();

beforeAll(async () => {
  h = await createHarness();
  h.t.pool.on("acquire", (client) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
      const first = args[0];
      const text = typeof first === "string" ? first : (first as { text?: string }).text;
      if (counting) statements.push((text ?? "").trim().split(/\s+/).slice(0, 3).join(" "));
      return query(...args);
    };
  });
});

afterAll(async () => {
  await h.close();
});

async function unitGroupId(): Promise<string> {
  const row = await h.t.db
    .selectFrom("conversations as c")
    .innerJoin("organizations as o", "o.id", "c.organization_id")
    .select("c.id")
    .where("o.slug", "=", "standard")
    .where("c.kind", "=", "unit_group")
    .executeTakeFirstOrThrow();
  return row.id;
}

describe("statements per send", () => {
  it("a reply takes one statement for the policy, the conversation and its people, and four in its transaction", async () => {
    const caller = await h.as("owner@standard.demo");
    const conversationId = await unitGroupId();
    // Warm up: the first call may prepare what later calls reuse.
    await caller.conversations.send({ conversationId, clientId: randomUUID(), body: "warm-up" });
    statements = [];
    counting = true;
    await caller.conversations.send({
      conversationId,
      clientId: randomUUID(),
      body: "Counting statements @Riley Chen",
    });
    counting = false;
    const begin = statements.findIndex((s) => /^begin/i.test(s));
    const commit = statements.findIndex((s) => /^commit/i.test(s));
    expect(begin).toBeGreaterThanOrEqual(0);
    expect(commit - begin + 1, statements.join("\n")).toBeLessThanOrEqual(4);
    expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(5);
  });
});
