import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, rowCounts } from "./harness";
import { outcome, refusalOf } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const boardTables = { posts: "board_posts", comments: "board_comments", audit: "audit_log" };

async function propertyId(slug: string, name: string): Promise<string> {
  return (
    await h.t.db
      .selectFrom("properties as p")
      .innerJoin("organizations as o", "o.id", "p.organization_id")
      .select("p.id")
      .where("o.slug", "=", slug)
      .where("p.name", "=", name)
      .executeTakeFirstOrThrow()
  ).id;
}

/** A post by the connected owner; Harbor View is where resident@ has the active, shared lease. */
async function connectedPost(
  title: string,
  extra: { property?: "Harbor View" | "Dockside Lofts" | null } = {},
) {
  const owner = await h.as("owner@connected.demo");
  const property = extra.property === undefined ? "Harbor View" : extra.property;
  return owner.board.createPost({
    title,
    body: `${title}: details inside.`,
    category: "notice",
    ...(property ? { propertyId: await propertyId("connected", property) } : {}),
  });
}

describe("connected (seed 002): the Property Message Board", () => {
  it("Your landlord/property manager can communicate … in the Property Message Board: the manager posts, a resident with an active, shared lease sees it and comments", async () => {
    const post = await connectedPost("Water shut-off on Friday");
    const resident = await h.as("resident@connected.demo");

    const posts = await resident.board.posts();
    const listed = posts.find((p) => p.id === post.id);
    expect(listed).toMatchObject({ title: "Water shut-off on Friday", commentCount: 0 });

    await resident.board.comment({ postId: post.id, body: "Thanks for the heads-up." });
    const read = await resident.board.post({ id: post.id });
    expect(read.capabilities.comment.allowed).toBe(true);
    expect(read.capabilities.toggleComments.allowed).toBe(false);
    expect(read.comments.map((c) => c.body)).toEqual(["Thanks for the heads-up."]);
    expect(read.comments[0]!.canDelete).toBe(true);
    expect((await resident.board.posts()).find((p) => p.id === post.id)?.commentCount).toBe(1);
  });

  it("lists the newest first, finds posts with Search, and includes organization-wide posts", async () => {
    const older = await connectedPost("Lost keys near the mailroom");
    const newer = await connectedPost("Building-wide fire drill", { property: null });
    const resident = await h.as("resident@connected.demo");
    const ids = (await resident.board.posts()).map((p) => p.id);
    expect(ids).toContain(newer.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    const found = await resident.board.posts({ search: "MAILROOM" });
    expect(found.map((p) => p.id)).toEqual([older.id]);
  });

  it("fills the lease status at the post's property: a post for another property is not shown, and opening it is refused", async () => {
    const elsewhere = await connectedPost("Dockside parking", { property: "Dockside Lofts" });
    const resident = await h.as("resident@connected.demo");
    expect((await resident.board.posts()).map((p) => p.id)).not.toContain(elsewhere.id);
    const refusal = await refusalOf(() => resident.board.post({ id: elsewhere.id }));
    expect(refusal.code).toBe("lease_not_active");
    expect(await outcome(() => resident.board.comment({ postId: elsewhere.id, body: "Hi" }))).toBe(
      "FORBIDDEN:lease_not_active",
    );
  });

  it("In order to access the message board you should … be connected … and have an active, shared lease: expired lease, not connected and service pros are refused", async () => {
    const post = await connectedPost("Pool opening");
    const cases: [string, string][] = [
      ["former@connected.demo", "lease_not_active"],
      ["invited@connected.demo", "not_connected"],
      ["pro@connected.demo", "board_residents_only"],
    ];
    for (const [email, code] of cases) {
      const caller = await h.as(email);
      const refusal = await refusalOf(() => caller.board.posts());
      expect(refusal.code, email).toBe(code);
      expect(refusal.reason.length, email).toBeGreaterThan(10);
      expect(await outcome(() => caller.board.post({ id: post.id })), email).toBe(
        `FORBIDDEN:${code}`,
      );
      expect(
        await outcome(() => caller.board.comment({ postId: post.id, body: "Me too" })),
        email,
      ).toBe(`FORBIDDEN:${code}`);
    }
  });

  it("only the management publishes; sub-users need the board permission", async () => {
    const resident = await h.as("resident@connected.demo");
    expect(
      await outcome(() =>
        resident.board.createPost({
          title: "Selling a bike",
          body: "Barely used",
          category: "for_sale",
        }),
      ),
    ).toBe("FORBIDDEN:board_post_managers_only");
    const team = await h.as("team@connected.demo");
    expect(
      await outcome(() =>
        team.board.createPost({ title: "Notice", body: "From the team", category: "notice" }),
      ),
    ).toBe("FORBIDDEN:missing_permission");
  });

  it('Your landlord can disable comments on the specific post. If landlord has disabled comments you will see the "Commenting this post is not available" notice', async () => {
    const post = await connectedPost("Elevator maintenance");
    const owner = await h.as("owner@connected.demo");
    const resident = await h.as("resident@connected.demo");

    expect(
      await outcome(() => resident.board.setCommentsEnabled({ postId: post.id, enabled: false })),
    ).toBe("FORBIDDEN:comment_settings_managers_only");

    const auditBefore = (await rowCounts(h, boardTables)).audit;
    await owner.board.setCommentsEnabled({ postId: post.id, enabled: false });
    const audit = await h.t.db
      .selectFrom("audit_log")
      .select(["action", "target_id"])
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: "board_post.comments_disabled", target_id: post.id });
    expect((await rowCounts(h, boardTables)).audit).toBe(auditBefore + 1);

    const read = await resident.board.post({ id: post.id });
    expect(read.capabilities.comment).toMatchObject({
      allowed: false,
      reason: "Commenting this post is not available",
    });
    const before = await rowCounts(h, boardTables);
    const refusal = await refusalOf(() =>
      resident.board.comment({ postId: post.id, body: "When will it be fixed?" }),
    );
    expect(refusal).toEqual({
      code: "comments_disabled",
      reason: "Commenting this post is not available",
    });
    expect(await rowCounts(h, boardTables)).toEqual(before);

    await owner.board.setCommentsEnabled({ postId: post.id, enabled: true });
    expect(
      await outcome(() => resident.board.comment({ postId: post.id, body: "When will it end?" })),
    ).toBe("ok");
  });

  it("You can remove your comments only if the comment was not seen by your landlord: before the manager reads the post it can be removed, after it cannot", async () => {
    const post = await connectedPost("Yard sale on Sunday");
    const owner = await h.as("owner@connected.demo");
    const resident = await h.as("resident@connected.demo");
    const roommate = await h.as("roommate@connected.demo");

    const early = await resident.board.comment({ postId: post.id, body: "Typo, sorry" });
    await resident.board.deleteComment({ commentId: early.id });
    const removed = await h.t.db
      .selectFrom("audit_log")
      .select(["action", "target_id", "before"])
      .where("target_id", "=", early.id)
      .executeTakeFirstOrThrow();
    expect(removed.action).toBe("board_comment.deleted");
    expect(removed.before).toMatchObject({ body: "Typo, sorry" });
    expect((await resident.board.post({ id: post.id })).comments).toEqual([]);

    const kept = await resident.board.comment({ postId: post.id, body: "I'll bring a table." });
    expect(await outcome(() => roommate.board.deleteComment({ commentId: kept.id }))).toBe(
      "FORBIDDEN:not_comment_author",
    );

    const managerView = await owner.board.post({ id: post.id });
    expect(managerView.comments.map((c) => c.body)).toEqual(["I'll bring a table."]);
    // Reading is not seeing: only the explicit mutation takes the resident's right away.
    expect(managerView.comments[0]!.seenByManagerAt).toBeNull();
    expect((await resident.board.post({ id: post.id })).comments[0]!.canDelete).toBe(true);
    const shown = managerView.comments.map((c) => c.id);
    expect(
      await outcome(() => resident.board.markSeen({ postId: post.id, commentIds: shown })),
    ).toBe("FORBIDDEN");
    expect(await owner.board.markSeen({ postId: post.id, commentIds: shown })).toEqual({
      marked: 1,
    });
    expect((await owner.board.post({ id: post.id })).comments[0]!.seenByManagerAt).not.toBeNull();

    const residentView = await resident.board.post({ id: post.id });
    expect(residentView.comments[0]!.canDelete).toBe(false);
    const before = await rowCounts(h, boardTables);
    const refusal = await refusalOf(() => resident.board.deleteComment({ commentId: kept.id }));
    expect(refusal.code).toBe("comment_already_seen");
    expect(await rowCounts(h, boardTables)).toEqual(before);

    // The manager still moderates the board.
    expect(await outcome(() => owner.board.deleteComment({ commentId: kept.id }))).toBe("ok");
    expect(await outcome(() => owner.board.deleteComment({ commentId: kept.id }))).toBe(
      "FORBIDDEN:comment_deleted",
    );
  });

  it("marks seen only the comments the manager was shown: one posted after the page was drawn stays deletable", async () => {
    const post = await connectedPost("Garden day");
    const resident = await h.as("resident@connected.demo");
    const owner = await h.as("owner@connected.demo");
    const early = await resident.board.comment({ postId: post.id, body: "Count me in" });
    const page = await owner.board.post({ id: post.id });
    // Between the manager's page and their "seen", the resident comments again.
    const late = await resident.board.comment({ postId: post.id, body: "Oops, wrong day" });
    const shown = page.comments.map((c) => c.id);
    expect(shown).toEqual([early.id]);
    expect(await owner.board.markSeen({ postId: post.id, commentIds: shown })).toEqual({
      marked: 1,
    });
    const after = await resident.board.post({ id: post.id });
    expect(after.comments.map((c) => [c.body, c.canDelete])).toEqual([
      ["Count me in", false],
      ["Oops, wrong day", true],
    ]);
    expect(await outcome(() => resident.board.deleteComment({ commentId: late.id }))).toBe("ok");
    expect(await outcome(() => resident.board.deleteComment({ commentId: early.id }))).toBe(
      "FORBIDDEN:comment_already_seen",
    );
  });

  it("marking seen ignores comments of another post", async () => {
    const post = await connectedPost("Laundry");
    const other = await connectedPost("Roof");
    const resident = await h.as("resident@connected.demo");
    const owner = await h.as("owner@connected.demo");
    const elsewhere = await resident.board.comment({ postId: other.id, body: "Leak above 4B" });
    expect(await owner.board.markSeen({ postId: post.id, commentIds: [elsewhere.id] })).toEqual({
      marked: 0,
    });
    expect(await outcome(() => resident.board.deleteComment({ commentId: elsewhere.id }))).toBe(
      "ok",
    );
  });

  it("refusals write nothing", async () => {
    const post = await connectedPost("Quiet hours");
    const before = await rowCounts(h, boardTables);
    const former = await h.as("former@connected.demo");
    const resident = await h.as("resident@connected.demo");
    const standardOwner = await h.as("owner@standard.demo");
    const refused = [
      () => former.board.comment({ postId: post.id, body: "Hello" }),
      () => resident.board.createPost({ title: "Mine", body: "Body", category: "wanted" }),
      () => resident.board.setCommentsEnabled({ postId: post.id, enabled: false }),
      () => standardOwner.board.createPost({ title: "Hi", body: "Body", category: "notice" }),
    ];
    for (const run of refused) expect(await outcome(run)).toMatch(/^FORBIDDEN:/);
    expect(await rowCounts(h, boardTables)).toEqual(before);
  });
});

describe("other profiles refuse the board as their profile says", () => {
  for (const slug of ["standard", "landlord-led", "coworking"]) {
    it(`${slug}: no property message board, for managers or residents`, async () => {
      const owner = await h.as(`owner@${slug}.demo`);
      const resident = await h.as(`resident@${slug}.demo`);
      const before = await rowCounts(h, boardTables);
      const refusal = await refusalOf(() => resident.board.posts());
      expect(refusal).toEqual({
        code: "board_disabled",
        reason: "The property message board isn't available.",
      });
      expect(await outcome(() => owner.board.posts())).toBe("FORBIDDEN:board_disabled");
      expect(
        await outcome(() =>
          owner.board.createPost({ title: "Notice", body: "Body", category: "notice" }),
        ),
      ).toBe("FORBIDDEN:board_disabled");
      expect(await rowCounts(h, boardTables)).toEqual(before);
    });
  }
});

describe("organization scoping", () => {
  it("another organization's post, comment or property is NOT_FOUND", async () => {
    const post = await connectedPost("Connected-only notice");
    const comment = await (await h.as("resident@connected.demo")).board.comment({
      postId: post.id,
      body: "Seen",
    });
    const standardOwner = await h.as("owner@standard.demo");
    const before = await rowCounts(h, boardTables);
    expect(await outcome(() => standardOwner.board.post({ id: post.id }))).toBe("NOT_FOUND");
    expect(
      await outcome(() =>
        standardOwner.board.setCommentsEnabled({ postId: post.id, enabled: false }),
      ),
    ).toBe("NOT_FOUND");
    expect(await outcome(() => standardOwner.board.comment({ postId: post.id, body: "Hi" }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(() => standardOwner.board.deleteComment({ commentId: comment.id }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await outcome(() =>
        standardOwner.board.markSeen({ postId: post.id, commentIds: [comment.id] }),
      ),
    ).toBe("NOT_FOUND");
    expect(await rowCounts(h, boardTables)).toEqual(before);
    const unseen = await h.t.db
      .selectFrom("board_comments")
      .select("seen_by_manager_at")
      .where("id", "=", comment.id)
      .executeTakeFirstOrThrow();
    expect(unseen.seen_by_manager_at).toBeNull();

    const owner = await h.as("owner@connected.demo");
    expect(
      await outcome(async () =>
        owner.board.createPost({
          title: "Wrong property",
          body: "Body",
          category: "notice",
          propertyId: await propertyId("standard", "Maple Court"),
        }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("names the field of invalid input", async () => {
    const owner = await h.as("owner@connected.demo");
    expect(
      await outcome(() => owner.board.createPost({ title: " ", body: "Body", category: "notice" })),
    ).toBe("BAD_REQUEST");
  });
});
