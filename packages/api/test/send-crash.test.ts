import { randomUUID } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@hearth/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiProcess, callApi, signInOver, startApiProcess } from "./fixtures/live-client";

/**
 * An API process killed in the middle of a burst of sends: every send it acknowledged is kept,
 * and retrying every send (as clients do) with its client id leaves exactly one of each.
 */
let t: TestDatabase;
const processes: ApiProcess[] = [];

beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
});

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await t.destroy();
});

describe("a process killed mid-send", () => {
  it("loses no acknowledged message and doubles none on retry", async () => {
    const first = await startApiProcess("manager", t.url);
    processes.push(first);
    const cookie = await signInOver(first.base, "owner@standard.demo");
    const conversation = await t.db
      .selectFrom("conversations as c")
      .innerJoin("organizations as o", "o.id", "c.organization_id")
      .select("c.id")
      .where("o.slug", "=", "standard")
      .where("c.kind", "=", "unit_group")
      .executeTakeFirstOrThrow();
    const clientIds = Array.from({ length: 300 }, () => randomUUID());
    const send = (base: string, clientId: string) =>
      callApi<{ id: number }>(
        base,
        "conversations.send",
        { conversationId: conversation.id, clientId, body: `Crash test ${clientId}` },
        cookie,
      );

    const acknowledged = new Map<string, number>();
    const burst = clientIds.map((clientId) =>
      send(first.base, clientId).then(
        ({ data }) => acknowledged.set(clientId, data.id),
        () => undefined,
      ),
    );
    // Kill it once some sends have committed and others are still in flight.
    const committed = () =>
      t.db
        .selectFrom("messages")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("client_id", "in", clientIds)
        .executeTakeFirstOrThrow()
        .then((row) => Number(row.n));
    const deadline = Date.now() + 20_000;
    while ((await committed()) < 20 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 2));
    first.child.kill("SIGKILL");
    await Promise.all(burst);
    const committedAtKill = await committed();
    expect(committedAtKill).toBeGreaterThanOrEqual(20);
    expect(committedAtKill, "the kill came before the burst finished").toBeLessThan(
      clientIds.length,
    );

    const second = await startApiProcess("manager", t.url);
    processes.push(second);
    const retried = await Promise.all(clientIds.map((clientId) => send(second.base, clientId)));
    // A retry of an acknowledged send returns the message it made.
    for (const [i, clientId] of clientIds.entries()) {
      const before = acknowledged.get(clientId);
      if (before !== undefined) expect(retried[i]!.data.id).toBe(before);
    }
    const rows = await t.db
      .selectFrom("messages")
      .select(["client_id", "id"])
      .where("client_id", "in", clientIds)
      .execute();
    expect(rows).toHaveLength(clientIds.length);
    expect(new Set(rows.map((r) => r.client_id)).size).toBe(clientIds.length);
  }, 60_000);
});
