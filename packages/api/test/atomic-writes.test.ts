/**
 * Every check that precedes a write is atomic with it. Each race is run for real: more concurrent
 * requests than the test pool has connections (5), and, where one interleaving matters, that
 * interleaving forced by holding a competing write open in a transaction of its own until the
 * request is seen waiting for its lock.
 */
import type { Database, Transaction } from "@hearth/db";
import { sql } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";
import { draft, outcome } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

type Caller = Awaited<ReturnType<Harness["as"]>>;

/** `n` callers for `email`, each with a session of its own, as `n` browser tabs would be. */
async function callers(email: string, n: number): Promise<Caller[]> {
  return Promise.all(Array.from({ length: n }, () => h.as(email)));
}

/** The number of each outcome ("ok", "FORBIDDEN:<code>", "CONFLICT" …). */
function tally(outcomes: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
  return counts;
}

/**
 * Runs `write` in a transaction that stays open, holding its row locks, until `commit()` is
 * called: a competing write caught in the middle.
 */
async function holdOpen(
  write: (trx: Transaction<Database>) => Promise<unknown>,
): Promise<{ commit(): Promise<void> }> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let written = () => {};
  const holding = new Promise<void>((resolve) => {
    written = resolve;
  });
  const done = h.t.db.transaction().execute(async (trx) => {
    await write(trx);
    written();
    await released;
  });
  await Promise.race([holding, done]);
  return {
    async commit() {
      release();
      await done;
    },
  };
}

/** Waits until `n` sessions of this test's database are waiting for a lock. */
async function lockWaiters(n: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(h.t.db);
    if ((rows[0]?.n ?? 0) >= n) return;
    if (Date.now() > deadline) throw new Error(`expected ${n} sessions waiting for a lock`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function directWithResident(slug: string): Promise<string> {
  const owner = await h.as(`owner@${slug}.demo`);
  const { rows } = await owner.conversations.list();
  const conversation = rows.find(
    (r) => r.kind === "direct" && r.others.some((o) => o.name === "Riley Chen"),
  );
  if (!conversation) throw new Error(`no direct conversation with Riley Chen in ${slug}`);
  return conversation.id;
}

async function sentByOwner(body: string): Promise<number> {
  const owner = await h.as("owner@standard.demo");
  const conversationId = await directWithResident("standard");
  return (await owner.conversations.send({ conversationId, ...draft(body) })).id;
}

async function revisionsOf(messageId: number) {
  return h.t.db
    .selectFrom("message_revisions")
    .select(["body", "action"])
    .where("message_id", "=", messageId)
    .orderBy("id")
    .execute();
}

async function auditOf(targetId: string, action?: string) {
  let query = h.t.db
    .selectFrom("audit_log")
    .select(["action", "before", "after"])
    .where("target_id", "=", targetId);
  if (action) query = query.where("action", "=", action);
  return query.orderBy("id").execute();
}

describe("message edit and delete decide on the locked message", () => {
  it("20 concurrent deletes of one message: one deletes, the others are refused, one revision and one audit entry", async () => {
    const messageId = await sentByOwner("Wrong unit, sorry");
    const tabs = await callers("owner@standard.demo", 20);
    const outcomes = await Promise.all(
      tabs.map((tab) => outcome(() => tab.conversations.delete({ messageId }))),
    );
    expect(tally(outcomes)).toEqual({ ok: 1, "FORBIDDEN:message_deleted": 19 });
    expect(await revisionsOf(messageId)).toEqual([{ body: "Wrong unit, sorry", action: "delete" }]);
    expect(await auditOf(String(messageId), "message.deleted")).toHaveLength(1);
  });

  it("20 concurrent edits all apply one after another: each revision keeps the text the edit before it wrote", async () => {
    const messageId = await sentByOwner("draft 0");
    const tabs = await callers("owner@standard.demo", 20);
    const outcomes = await Promise.all(
      tabs.map((tab, i) =>
        outcome(() => tab.conversations.edit({ messageId, body: `edit ${i + 1}` })),
      ),
    );
    expect(tally(outcomes)).toEqual({ ok: 20 });
    const audit = await auditOf(String(messageId), "message.edited");
    expect(audit).toHaveLength(20);
    const revisions = await revisionsOf(messageId);
    expect(revisions).toHaveLength(20);
    // A chain: no two edits read the same text, so no edit's text is lost from the record.
    expect(revisions[0]?.body).toBe("draft 0");
    for (let i = 0; i < audit.length; i++) {
      expect(audit[i]?.before).toEqual({ body: revisions[i]?.body });
      if (i + 1 < audit.length) expect(audit[i]?.after).toEqual({ body: revisions[i + 1]?.body });
    }
    const message = await h.t.db
      .selectFrom("messages")
      .select("body")
      .where("id", "=", messageId)
      .executeTakeFirstOrThrow();
    expect(audit.at(-1)?.after).toEqual({ body: message.body });
    expect(new Set(revisions.map((r) => r.body)).size).toBe(20);
  });

  it("concurrent edits and deletes: one delete, and no edit lands after it", async () => {
    const messageId = await sentByOwner("Meeting at 5");
    const tabs = await callers("owner@standard.demo", 24);
    const outcomes = await Promise.all(
      tabs.map((tab, i) =>
        i % 2 === 0
          ? outcome(() => tab.conversations.delete({ messageId })).then((o) => `delete ${o}`)
          : outcome(() => tab.conversations.edit({ messageId, body: `Meeting at ${i}` })).then(
              (o) => `edit ${o}`,
            ),
      ),
    );
    const counts = tally(outcomes);
    expect(counts["delete ok"]).toBe(1);
    expect(counts["delete FORBIDDEN:message_deleted"]).toBe(11);
    const editsApplied = counts["edit ok"] ?? 0;
    expect(editsApplied + (counts["edit FORBIDDEN:message_deleted"] ?? 0)).toBe(12);
    const revisions = await revisionsOf(messageId);
    expect(revisions).toHaveLength(editsApplied + 1);
    expect(revisions.at(-1)?.action).toBe("delete");
    expect(revisions.slice(0, -1).every((r) => r.action === "edit")).toBe(true);
    expect(await auditOf(String(messageId))).toHaveLength(editsApplied + 1);
  });

  it("an edit that arrives while a delete is being written waits for it, then is refused", async () => {
    const messageId = await sentByOwner("See you at 9");
    const owner = await h.as("owner@standard.demo");
    const deleting = await holdOpen((trx) =>
      trx
        .updateTable("messages")
        .set({ deleted_at: new Date() })
        .where("id", "=", messageId)
        .execute(),
    );
    const edit = outcome(() => owner.conversations.edit({ messageId, body: "See you at 10" }));
    await lockWaiters(1);
    await deleting.commit();
    expect(await edit).toBe("FORBIDDEN:message_deleted");
    expect(await revisionsOf(messageId)).toEqual([]);
    const message = await h.t.db
      .selectFrom("messages")
      .select(["body", "edited_at"])
      .where("id", "=", messageId)
      .executeTakeFirstOrThrow();
    expect(message).toEqual({ body: "See you at 9", edited_at: null });
  });
});

describe("the board decides on locked rows", () => {
  async function harborViewPost(title: string): Promise<string> {
    const owner = await h.as("owner@connected.demo");
    const property = await h.t.db
      .selectFrom("properties as p")
      .innerJoin("organizations as o", "o.id", "p.organization_id")
      .select("p.id")
      .where("o.slug", "=", "connected")
      .where("p.name", "=", "Harbor View")
      .executeTakeFirstOrThrow();
    const post = await owner.board.createPost({
      title,
      body: `${title}: details inside.`,
      category: "notice",
      propertyId: property.id,
    });
    return post.id;
  }

  async function commentState(ids: readonly string[]) {
    return h.t.db
      .selectFrom("board_comments")
      .select(["id", "seen_by_manager_at as seen", "deleted_at as deleted"])
      .where("id", "in", ids)
      .execute();
  }

  it("a resident deleting comments while managers mark the post seen: each comment ends up seen or deleted, never both", async () => {
    const postId = await harborViewPost("Bike room");
    const resident = await h.as("resident@connected.demo");
    for (let round = 0; round < 3; round++) {
      const comments = [];
      for (let i = 0; i < 10; i++)
        comments.push(await resident.board.comment({ postId, body: `round ${round}, #${i}` }));
      const shown: string[] = comments.map((comment) => comment.id);
      const deleters = await callers("resident@connected.demo", 10);
      const readers = await callers("owner@connected.demo", 3);
      const [deletes] = await Promise.all([
        Promise.all(
          comments.map((comment, i) =>
            outcome(() => deleters[i]!.board.deleteComment({ commentId: comment.id })),
          ),
        ),
        Promise.all(readers.map((reader) => reader.board.markSeen({ postId, commentIds: shown }))),
      ]);
      const state = new Map(
        (await commentState(comments.map((c) => c.id))).map((row) => [row.id, row]),
      );
      comments.forEach((comment, i) => {
        const row = state.get(comment.id);
        const deleted = row?.deleted != null;
        const seen = row?.seen != null;
        expect(deleted !== seen, `comment ${i} of round ${round}`).toBe(true);
        expect(deletes[i]).toBe(deleted ? "ok" : "FORBIDDEN:comment_already_seen");
      });
      for (const comment of comments)
        expect(await auditOf(comment.id, "board_comment.deleted")).toHaveLength(
          state.get(comment.id)?.deleted ? 1 : 0,
        );
    }
  });

  it("a resident's delete that arrives while the manager's read is marking the comment seen is refused", async () => {
    const postId = await harborViewPost("Parking");
    const resident = await h.as("resident@connected.demo");
    const comment = await resident.board.comment({ postId, body: "Which spots are ours?" });
    // What a manager opening the post writes, caught before its commit.
    const reading = await holdOpen((trx) =>
      trx
        .updateTable("board_comments")
        .set({ seen_by_manager_at: new Date() })
        .where("post_id", "=", postId)
        .where("seen_by_manager_at", "is", null)
        .where("deleted_at", "is", null)
        .execute(),
    );
    const deleting = outcome(() => resident.board.deleteComment({ commentId: comment.id }));
    await lockWaiters(1);
    await reading.commit();
    expect(await deleting).toBe("FORBIDDEN:comment_already_seen");
    const [row] = await commentState([comment.id]);
    expect(row?.deleted).toBeNull();
    expect(await auditOf(comment.id)).toEqual([]);
  });

  it("20 concurrent deletes of one comment: one removes it, one audit entry", async () => {
    const postId = await harborViewPost("Laundry");
    const resident = await h.as("resident@connected.demo");
    const comment = await resident.board.comment({ postId, body: "Machine 2 is broken" });
    const tabs = await callers("resident@connected.demo", 20);
    const outcomes = await Promise.all(
      tabs.map((tab) => outcome(() => tab.board.deleteComment({ commentId: comment.id }))),
    );
    expect(tally(outcomes)).toEqual({ ok: 1, "FORBIDDEN:comment_deleted": 19 });
    expect(await auditOf(comment.id, "board_comment.deleted")).toHaveLength(1);
  });

  it("a comment that arrives while comments are being turned off waits, then is refused", async () => {
    const postId = await harborViewPost("Roof repairs");
    const resident = await h.as("resident@connected.demo");
    const disabling = await holdOpen((trx) =>
      trx
        .updateTable("board_posts")
        .set({ comments_enabled: false })
        .where("id", "=", postId)
        .execute(),
    );
    const commenting = outcome(() => resident.board.comment({ postId, body: "How long?" }));
    await lockWaiters(1);
    await disabling.commit();
    expect(await commenting).toBe("FORBIDDEN:comments_disabled");
    const count = await h.t.db
      .selectFrom("board_comments")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("post_id", "=", postId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("comments racing a switch of comments off and on: every request completes and the audit's before/after chain holds", async () => {
    const postId = await harborViewPost("Garden");
    const residents = await callers("resident@connected.demo", 12);
    const owners = await callers("owner@connected.demo", 6);
    const results = await Promise.all([
      ...residents.map((r, i) => outcome(() => r.board.comment({ postId, body: `#${i}` }))),
      ...owners.map((o, i) =>
        outcome(() => o.board.setCommentsEnabled({ postId, enabled: i % 2 === 1 })),
      ),
    ]);
    for (const result of results.slice(0, 12))
      expect(["ok", "FORBIDDEN:comments_disabled"]).toContain(result);
    expect(results.slice(12).every((r) => r === "ok")).toBe(true);
    const audit = await h.t.db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("target_id", "=", postId)
      .orderBy("id")
      .execute();
    expect(audit).toHaveLength(6);
    expect(audit[0]?.before).toEqual({ commentsEnabled: true });
    for (let i = 1; i < audit.length; i++) expect(audit[i]?.before).toEqual(audit[i - 1]?.after);
  });
});

describe("the operator's settings carry a version", () => {
  async function organization(slug: string) {
    return h.t.db
      .selectFrom("organizations")
      .select(["id", "policy_profile", "policy_overrides", "settings_version"])
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow();
  }

  async function policyAudit(organizationId: string): Promise<number> {
    const row = await h.t.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("organization_id", "=", organizationId)
      .where("action", "like", "policy.%")
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function conflictOf(run: () => Promise<unknown>): Promise<TRPCError> {
    try {
      await run();
    } catch (error) {
      if (error instanceof TRPCError) return error;
      throw error;
    }
    throw new Error("expected the save to be refused");
  }

  it("12 saves from the same version at once: exactly one applies, the others are CONFLICT and change nothing", async () => {
    const before = await organization("standard");
    const audits = await policyAudit(before.id);
    const operators = await callers("operator@platform.demo", 12);
    const { settingsVersion } = await operators[0]!.operator.organization({ id: before.id });
    expect(settingsVersion).toBe(before.settings_version);
    const results = await Promise.allSettled(
      operators.map((operator, i) =>
        i % 3 === 2
          ? operator.operator.setProfile({
              organizationId: before.id,
              settingsVersion,
              profileId: "connected",
            })
          : operator.operator.setOverrides({
              organizationId: before.id,
              settingsVersion,
              overrides: { editWindowMinutes: 10 + i },
            }),
      ),
    );
    const applied = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
    expect(applied).toHaveLength(1);
    for (const result of results) {
      if (result.status === "fulfilled") continue;
      expect(result.reason).toBeInstanceOf(TRPCError);
      expect(result.reason).toMatchObject({ code: "CONFLICT" });
      expect((result.reason as TRPCError).message).toMatch(/changed since you opened them/);
    }
    const winner = applied[0]!;
    const after = await organization("standard");
    expect(after.settings_version).toBe(settingsVersion + 1);
    if (winner % 3 === 2)
      expect(after).toMatchObject({ policy_profile: "connected", policy_overrides: {} });
    else
      expect(after).toMatchObject({
        policy_profile: "standard",
        policy_overrides: { editWindowMinutes: 10 + winner },
      });
    expect(await policyAudit(before.id)).toBe(audits + 1);

    // Back to how the other tests found it, from the version the winner left.
    await operators[0]!.operator.setProfile({
      organizationId: before.id,
      settingsVersion: after.settings_version,
      profileId: "standard",
    });
  });

  it("a save from the version before a successful one is refused, by both procedures", async () => {
    const org = await organization("coworking");
    const operator = await h.as("operator@platform.demo");
    const seen = (await operator.operator.organization({ id: org.id })).settingsVersion;
    const saved = await operator.operator.setOverrides({
      organizationId: org.id,
      settingsVersion: seen,
      overrides: { attachments: true },
    });
    expect(saved.settingsVersion).toBe(seen + 1);
    const audits = await policyAudit(org.id);

    const stale = [
      () =>
        operator.operator.setOverrides({
          organizationId: org.id,
          settingsVersion: seen,
          overrides: {},
        }),
      () =>
        operator.operator.setProfile({
          organizationId: org.id,
          settingsVersion: seen,
          profileId: "standard",
        }),
    ];
    for (const save of stale) {
      const error = await conflictOf(save);
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toBe(
        "These settings were changed since you opened them, by someone else or in another tab. Reload to see the current settings.",
      );
    }
    expect(await organization("coworking")).toMatchObject({
      policy_profile: "coworking",
      policy_overrides: { attachments: true },
      settings_version: seen + 1,
    });
    expect(await policyAudit(org.id)).toBe(audits);

    await operator.operator.setOverrides({
      organizationId: org.id,
      settingsVersion: seen + 1,
      overrides: {},
    });
  });

  it("a save that arrives while another is being written waits for it, then is refused", async () => {
    const org = await organization("landlord-led");
    const operator = await h.as("operator@platform.demo");
    const seen = org.settings_version;
    const other = await holdOpen((trx) =>
      trx
        .updateTable("organizations")
        .set((eb) => ({
          policy_overrides: JSON.stringify({ readReceipts: "everyone" }),
          settings_version: eb("settings_version", "+", 1),
        }))
        .where("id", "=", org.id)
        .execute(),
    );
    const save = conflictOf(() =>
      operator.operator.setOverrides({
        organizationId: org.id,
        settingsVersion: seen,
        overrides: { templates: false },
      }),
    );
    await lockWaiters(1);
    await other.commit();
    expect((await save).code).toBe("CONFLICT");
    expect(await organization("landlord-led")).toMatchObject({
      policy_overrides: { readReceipts: "everyone" },
      settings_version: seen + 1,
    });
    await operator.operator.setOverrides({
      organizationId: org.id,
      settingsVersion: seen + 1,
      overrides: {},
    });
  });
});

describe("read pointers only move forward", () => {
  it("20 concurrent mark-reads in any order leave the pointer at the newest", async () => {
    const conversationId = await directWithResident("standard");
    const owner = await h.as("owner@standard.demo");
    const ids: number[] = [];
    for (let i = 0; i < 20; i++)
      ids.push((await owner.conversations.send({ conversationId, ...draft(`note ${i}`) })).id);
    const tabs = await callers("resident@standard.demo", 20);
    const shuffled = [...ids].reverse();
    const outcomes = await Promise.all(
      tabs.map((tab, i) =>
        outcome(() =>
          tab.conversations.markRead({ id: conversationId, upToMessageId: shuffled[i]! }),
        ),
      ),
    );
    expect(tally(outcomes)).toEqual({ ok: 20 });
    const pointer = await h.t.db
      .selectFrom("conversation_participants")
      .select("last_read_message_id")
      .where("conversation_id", "=", conversationId)
      .where("user_id", "=", await h.userId("resident@standard.demo"))
      .executeTakeFirstOrThrow();
    expect(pointer.last_read_message_id).toBe(Math.max(...ids));
  });
});
