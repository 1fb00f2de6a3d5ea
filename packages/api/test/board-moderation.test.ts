/** The board's search, pinning, hidden comments and approval of residents' posts (issue 13). */
import { sql } from "@hearth/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, rowCounts } from "./harness";
import { outcome, refusalOf } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const boardTables = { posts: "board_posts", comments: "board_comments", audit: "audit_log" };

async function harborView(): Promise<string> {
  const row = await h.t.db
    .selectFrom("properties as p")
    .innerJoin("organizations as o", "o.id", "p.organization_id")
    .select("p.id")
    .where("o.slug", "=", "connected")
    .where("p.name", "=", "Harbor View")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function managerPost(title: string, body = `${title}: details inside.`) {
  const owner = await h.as("owner@connected.demo");
  return owner.board.createPost({
    title,
    body,
    category: "notice",
    propertyId: await harborView(),
  });
}

async function setConnectedOverrides(overrides: Record<string, unknown>): Promise<void> {
  const operator = await h.as("operator@platform.demo");
  const org = await h.t.db
    .selectFrom("organizations")
    .select("id")
    .where("slug", "=", "connected")
    .executeTakeFirstOrThrow();
  const { settingsVersion } = await operator.operator.organization({ id: org.id });
  await operator.operator.setOverrides({ organizationId: org.id, settingsVersion, overrides });
}

async function lastAudit(targetId: string) {
  return h.t.db
    .selectFrom("audit_log")
    .select(["action", "actor_id"])
    .where("target_id", "=", targetId)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
}

describe("You can find the needed publication using Search icon", () => {
  it("finds posts by every word typed, each as the start of a word, in the title or the body", async () => {
    const keys = await managerPost("Found: a ring of keys", "Left at the concierge desk");
    const bike = await managerPost("Bicycle storage", "The bike room reopens Monday");
    const resident = await h.as("resident@connected.demo");
    const ids = async (search: string) =>
      (await resident.board.posts({ search })).map((post) => post.id);
    expect(await ids("KEYS")).toEqual([keys.id]);
    expect(await ids("concier")).toEqual([keys.id]);
    expect(await ids("bike reopen")).toEqual([bike.id]);
    expect(await ids("bike concierge")).toEqual([]);
    expect(await ids("?!*")).toEqual([]);
    // tsquery syntax typed into the box is only words.
    expect(await ids("keys & | ! ( :*")).toEqual([keys.id]);
  });

  it("searches only the posts the viewer may see", async () => {
    const owner = await h.as("owner@connected.demo");
    const dockside = await h.t.db
      .selectFrom("properties")
      .select("id")
      .where("name", "=", "Dockside Lofts")
      .executeTakeFirstOrThrow();
    const elsewhere = await owner.board.createPost({
      title: "Dockside kayak rack",
      body: "Only for Dockside",
      category: "notice",
      propertyId: dockside.id,
    });
    const resident = await h.as("resident@connected.demo");
    expect((await resident.board.posts({ search: "kayak" })).map((p) => p.id)).toEqual([]);
    expect((await owner.board.posts({ search: "kayak" })).map((p) => p.id)).toEqual([elsewhere.id]);
    const former = await h.as("former@connected.demo");
    expect((await refusalOf(() => former.board.posts({ search: "kayak" }))).code).toBe(
      "lease_not_active",
    );
  });

  it("uses the words index migration 0009 built", async () => {
    await sql`set enable_seqscan = off`.execute(h.t.db);
    const { rows } = await sql<{ "QUERY PLAN": string }>`explain select id from board_posts p
      where to_tsvector('simple', p.title || ' ' || p.body) @@ to_tsquery('simple', 'keys:*')`.execute(
      h.t.db,
    );
    await sql`reset enable_seqscan`.execute(h.t.db);
    expect(rows.map((row) => row["QUERY PLAN"]).join("\n")).toContain("board_posts_words_idx");
  });

  it("refuses a search longer than 200 characters with the reason", async () => {
    const resident = await h.as("resident@connected.demo");
    expect(await outcome(() => resident.board.posts({ search: "x".repeat(201) }))).toBe(
      "BAD_REQUEST",
    );
  });
});

describe("managers pin posts: pinned first", () => {
  it("a pinned post comes before newer ones, for residents too, until unpinned", async () => {
    const pinned = await managerPost("House rules");
    const newer = await managerPost("Parcel lockers installed");
    const owner = await h.as("owner@connected.demo");
    await owner.board.setPinned({ postId: pinned.id, pinned: true });
    expect(await lastAudit(pinned.id)).toMatchObject({ action: "board_post.pinned" });
    const resident = await h.as("resident@connected.demo");
    const list = await resident.board.posts();
    expect(list[0]).toMatchObject({ id: pinned.id });
    expect(list[0]!.pinnedAt).not.toBeNull();
    expect(list.map((p) => p.id).indexOf(newer.id)).toBeGreaterThan(0);

    await owner.board.setPinned({ postId: pinned.id, pinned: false });
    const after = (await resident.board.posts()).map((p) => p.id);
    expect(after.indexOf(newer.id)).toBeLessThan(after.indexOf(pinned.id));
  });

  it("residents and sub-users without the board permission cannot pin, and nothing changes", async () => {
    const post = await managerPost("Snow removal");
    const before = await rowCounts(h, boardTables);
    for (const email of ["resident@connected.demo", "team@connected.demo"]) {
      const caller = await h.as(email);
      expect(
        await outcome(() => caller.board.setPinned({ postId: post.id, pinned: true })),
        email,
      ).toMatch(/^FORBIDDEN:(board_moderation_managers_only|missing_permission)$/);
    }
    expect(await rowCounts(h, boardTables)).toEqual(before);
  });
});

describe("managers hide or delete a comment", () => {
  it("a hidden comment disappears for residents (its author included) and stays visible, marked, for managers", async () => {
    const post = await managerPost("Noise complaint policy");
    const resident = await h.as("resident@connected.demo");
    const roommate = await h.as("roommate@connected.demo");
    const owner = await h.as("owner@connected.demo");
    const rude = await resident.board.comment({ postId: post.id, body: "Something rude" });
    await roommate.board.comment({ postId: post.id, body: "A fair question" });

    expect(
      await outcome(() => roommate.board.setCommentHidden({ commentId: rude.id, hidden: true })),
    ).toBe("FORBIDDEN:board_moderation_managers_only");
    await owner.board.setCommentHidden({ commentId: rude.id, hidden: true });
    expect(await lastAudit(rude.id)).toMatchObject({ action: "board_comment.hidden" });

    for (const caller of [resident, roommate]) {
      const view = await caller.board.post({ id: post.id });
      expect(view.comments.map((c) => c.body)).toEqual(["A fair question"]);
    }
    expect((await resident.board.posts()).find((p) => p.id === post.id)?.commentCount).toBe(1);
    expect(await outcome(() => resident.board.deleteComment({ commentId: rude.id }))).toBe(
      "NOT_FOUND",
    );

    const managerView = await owner.board.post({ id: post.id });
    expect(managerView.comments.map((c) => [c.body, c.hiddenAt !== null])).toEqual([
      ["Something rude", true],
      ["A fair question", false],
    ]);

    await owner.board.setCommentHidden({ commentId: rude.id, hidden: false });
    const shown = await resident.board.post({ id: post.id });
    expect(shown.comments.map((c) => [c.body, c.canDelete])).toEqual([
      // The manager saw it when hiding it: its author can no longer take it back.
      ["Something rude", false],
      ["A fair question", false],
    ]);
  });

  it("a manager deletes any comment; the audit log keeps the text", async () => {
    const post = await managerPost("Recycling days");
    const resident = await h.as("resident@connected.demo");
    const owner = await h.as("owner@connected.demo");
    const comment = await resident.board.comment({ postId: post.id, body: "Spam link" });
    await owner.board.deleteComment({ commentId: comment.id });
    expect(await lastAudit(comment.id)).toMatchObject({ action: "board_comment.deleted" });
    expect((await resident.board.post({ id: post.id })).comments).toEqual([]);
  });
});

describe("connected by default: only the management publishes", () => {
  it("a resident's new-post form is refused with the reason", async () => {
    const composer = await (await h.as("resident@connected.demo")).board.composer();
    expect(composer.publish).toMatchObject({ allowed: false, code: "board_post_managers_only" });
    expect(composer.properties).toEqual([]);
  });
});

describe("approve posts before they appear (a knob)", () => {
  beforeAll(() => setConnectedOverrides({ boardResidentPosts: true }));
  afterAll(() => setConnectedOverrides({}));

  it('a resident\'s post waits, its author sees "Waiting for approval", other residents see nothing until a manager approves', async () => {
    const resident = await h.as("resident@connected.demo");
    const roommate = await h.as("roommate@connected.demo");
    const owner = await h.as("owner@connected.demo");
    const post = await resident.board.createPost({
      title: "Selling a sofa",
      body: "Grey, three seats, pick up only",
      category: "for_sale",
      propertyId: await harborView(),
    });
    expect(post.awaitingApproval).toBe(true);

    const mine = await resident.board.post({ id: post.id });
    expect(mine.awaitingApproval).toBe(true);
    expect(mine.capabilities.publish.reason).toMatch(/^Waiting for approval/);
    expect(mine.capabilities.comment).toMatchObject({ allowed: false });
    expect((await resident.board.posts()).map((p) => p.id)).toContain(post.id);

    expect((await roommate.board.posts()).map((p) => p.id)).not.toContain(post.id);
    expect(await outcome(() => roommate.board.post({ id: post.id }))).toBe("NOT_FOUND");
    expect(await outcome(() => roommate.board.comment({ postId: post.id, body: "Hi" }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(() => resident.board.approvePost({ postId: post.id }))).toBe(
      "FORBIDDEN:board_moderation_managers_only",
    );

    const queue = await owner.board.posts();
    expect(queue.find((p) => p.id === post.id)).toMatchObject({ awaitingApproval: true });
    await owner.board.approvePost({ postId: post.id });
    expect(await lastAudit(post.id)).toMatchObject({ action: "board_post.approved" });
    expect(await outcome(() => owner.board.approvePost({ postId: post.id }))).toBe("CONFLICT");

    const seen = await roommate.board.post({ id: post.id });
    expect(seen.awaitingApproval).toBe(false);
    expect(await outcome(() => roommate.board.comment({ postId: post.id, body: "Mine!" }))).toBe(
      "ok",
    );
  });

  it("the new-post form offers residents their own property and says posts wait", async () => {
    const composer = await (await h.as("resident@connected.demo")).board.composer();
    expect(composer.publish.allowed).toBe(true);
    expect(composer.approval.reason).toMatch(/^Waiting for approval/);
    expect(composer.properties.map((p) => p.name)).toEqual(["Harbor View"]);
    expect(composer.categories).toContain("for_sale");
    const owner = await (await h.as("owner@connected.demo")).board.composer();
    expect(owner.approval.allowed).toBe(true);
    expect(owner.properties.map((p) => p.name)).toEqual(["Dockside Lofts", "Harbor View"]);
  });

  it("a manager turns a waiting post down by deleting it", async () => {
    const resident = await h.as("resident@connected.demo");
    const owner = await h.as("owner@connected.demo");
    const post = await resident.board.createPost({
      title: "Not for this board",
      body: "Advertising",
      category: "wanted",
    });
    expect(await outcome(() => resident.board.deletePost({ postId: post.id }))).toBe(
      "FORBIDDEN:board_moderation_managers_only",
    );
    await owner.board.deletePost({ postId: post.id });
    expect(await lastAudit(post.id)).toMatchObject({ action: "board_post.deleted" });
    expect(await outcome(() => resident.board.post({ id: post.id }))).toBe("NOT_FOUND");
  });

  it("a manager's own post appears at once; a former resident still cannot post", async () => {
    const post = await managerPost("Window cleaning");
    const owner = await h.as("owner@connected.demo");
    expect((await owner.board.post({ id: post.id })).awaitingApproval).toBe(false);
    const former = await h.as("former@connected.demo");
    expect(
      await outcome(() =>
        former.board.createPost({ title: "Hello", body: "Still here", category: "notice" }),
      ),
    ).toBe("FORBIDDEN:lease_not_active");
  });

  it("with approval off, a resident's post appears at once", async () => {
    await setConnectedOverrides({ boardResidentPosts: true, boardPostApproval: false });
    const resident = await h.as("resident@connected.demo");
    const roommate = await h.as("roommate@connected.demo");
    const post = await resident.board.createPost({
      title: "Lost cat",
      body: "Orange, answers to Milo",
      category: "lost_found",
      propertyId: await harborView(),
    });
    expect(post.awaitingApproval).toBe(false);
    expect((await roommate.board.posts()).map((p) => p.id)).toContain(post.id);
    await setConnectedOverrides({ boardResidentPosts: true });
  });
});

describe("other profiles: no board to moderate", () => {
  for (const slug of ["standard", "landlord-led", "coworking"]) {
    it(`${slug}: moderation is refused with the board's reason`, async () => {
      const owner = await h.as(`owner@${slug}.demo`);
      const before = await rowCounts(h, boardTables);
      const postId = crypto.randomUUID();
      // No post of theirs exists: not found comes first, as for any id they cannot see.
      expect(await outcome(() => owner.board.setPinned({ postId, pinned: true }))).toBe(
        "NOT_FOUND",
      );
      expect(await rowCounts(h, boardTables)).toEqual(before);
    });
  }
});

describe("organization scoping and input", () => {
  it("another organization's post or comment is NOT_FOUND for every moderation call", async () => {
    const post = await managerPost("Connected-only moderation");
    const comment = await (await h.as("resident@connected.demo")).board.comment({
      postId: post.id,
      body: "Mine",
    });
    const standardOwner = await h.as("owner@standard.demo");
    const before = await rowCounts(h, boardTables);
    const calls = [
      () => standardOwner.board.setPinned({ postId: post.id, pinned: true }),
      () => standardOwner.board.approvePost({ postId: post.id }),
      () => standardOwner.board.deletePost({ postId: post.id }),
      () => standardOwner.board.setCommentHidden({ commentId: comment.id, hidden: true }),
    ];
    for (const call of calls) expect(await outcome(call)).toBe("NOT_FOUND");
    expect(await rowCounts(h, boardTables)).toEqual(before);
  });

  it("bad input is a BAD_REQUEST with the reason", async () => {
    const owner = await h.as("owner@connected.demo");
    const error = await owner.board
      .setPinned({ postId: "not-an-id", pinned: true })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(String((error as Error).message)).toContain("Not a valid id");
    expect(
      await outcome(() =>
        owner.board.setCommentHidden({ commentId: crypto.randomUUID(), hidden: "yes" as never }),
      ),
    ).toBe("BAD_REQUEST");
  });
});
