import { randomUUID } from "node:crypto";
import { sql } from "@hearth/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";
import { draft } from "./helpers";

/**
 * Every write path under more concurrent requests than the pool has connections (the test pool
 * has 5): nothing is lost, nothing is doubled, retries with the same client id make one write.
 */
let h: Harness;
const N = 16;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.close();
});

const times = <T>(n: number, run: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => run(i)));

async function count(query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return (await query.execute(h.t.db)).rows[0]?.n ?? 0;
}

describe("concurrent writes", () => {
  it("starts: the same client id from many tabs makes one conversation and one message", async () => {
    const owner = await h.as("owner@standard.demo");
    const recipientId = await h.userId("roommate@standard.demo");
    const message = draft("One start, many tabs");
    const results = await times(N, () =>
      owner.conversations.start({ target: { kind: "direct", recipientId }, message }),
    );
    expect(new Set(results.map((r) => r.conversationId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(
      await count(
        sql<{
          n: number;
        }>`select count(*)::int as n from messages where client_id = ${message.clientId}`,
      ),
    ).toBe(1);
  });

  it("starts: different messages to the same person at once land in one conversation", async () => {
    const owner = await h.as("owner@standard.demo");
    const recipientId = await h.userId("resident@standard.demo");
    const results = await times(N, (i) =>
      owner.conversations.start({
        target: { kind: "direct", recipientId },
        message: draft(`Start ${i}`),
      }),
    );
    const ids = new Set(results.map((r) => r.conversationId));
    expect(ids.size).toBe(1);
    const [conversationId] = [...ids];
    expect(
      await count(
        sql<{
          n: number;
        }>`select count(*)::int as n from messages where conversation_id = ${conversationId!} and body like 'Start %'`,
      ),
    ).toBe(N);
  });

  it("broadcasts: one client id from many tabs is one broadcast", async () => {
    const owner = await h.as("owner@coworking.demo");
    const clientId = randomUUID();
    const results = await times(N, () =>
      owner.broadcasts.send({
        audience: { type: "all" },
        clientId,
        body: "Many tabs, one broadcast",
        type: "general",
        copyToEmail: false,
      }),
    );
    expect(new Set(results.map((r) => r.conversationId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it("maintenance: every request submitted at once is kept, each with its own thread", async () => {
    const resident = await h.as("resident@connected.demo");
    const results = await times(N, (i) =>
      resident.maintenance.submit({ title: `Concurrent ${i}`, description: `Problem ${i}` }),
    );
    expect(new Set(results.map((r) => r.requestId)).size).toBe(N);
    const threads = results.map((r) => r.conversationId);
    expect(threads.every((id) => id !== null)).toBe(true);
    expect(new Set(threads).size).toBe(N);
  });

  it("maintenance: sharing one request with several people at once makes one thread with all of them", async () => {
    const resident = await h.as("resident@connected.demo");
    const owner = await h.as("owner@connected.demo");
    const { requestId } = await resident.maintenance.submit({
      title: "Shared at once",
      description: "Many shares",
    });
    const people = [
      await h.userId("pro@connected.demo"),
      await h.userId("roommate@connected.demo"),
    ];
    const results = await times(N, (i) =>
      owner.maintenance.share({ requestId, userIds: [people[i % people.length]!] }),
    );
    expect(new Set(results.map((r) => r.conversationId)).size).toBe(1);
    const added = results.flatMap((r) => r.added);
    expect(added.sort()).toEqual([...people].sort());
  });

  it("board: every post and comment written at once is kept once", async () => {
    const owner = await h.as("owner@connected.demo");
    const resident = await h.as("resident@connected.demo");
    const posts = await times(N, (i) =>
      owner.board.createPost({ title: `Notice ${i}`, body: "At once", category: "notice" }),
    );
    expect(new Set(posts.map((p) => p.id)).size).toBe(N);
    const target = posts[0]!;
    await times(N, (i) => resident.board.comment({ postId: target.id, body: `Comment ${i}` }));
    expect(
      await count(
        sql<{
          n: number;
        }>`select count(*)::int as n from board_comments where post_id = ${target.id}`,
      ),
    ).toBe(N);
  });

  it("read pointers and archive flags settle on one value under concurrent updates", async () => {
    const resident = await h.as("resident@standard.demo");
    const { rows } = await resident.conversations.list();
    const conversation = rows[0]!;
    await times(N, (i) =>
      resident.conversations.archive({ id: conversation.id, archived: i % 2 === 0 }),
    );
    await resident.conversations.archive({ id: conversation.id, archived: false });
    const after = await resident.conversations.list();
    expect(after.rows.some((r) => r.id === conversation.id)).toBe(true);
  });
});
