/**
 * The property message board (seed 002): posts by the management, comments by residents. Board
 * decisions don't know a post's property, so for residents the actor's `leaseStatus` is filled
 * with their lease at the post's property (organization-wide posts: their best lease anywhere).
 */
import {
  type BoardCategory,
  bestLeaseStatus,
  type Database,
  isoDay,
  type LeaseStatus,
  leaseStatus,
  type Transaction,
} from "@hearth/db";
import type { Actor, Decision } from "@hearth/policies";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { enforce, type PolicyScope } from "../policy/gateway";

type MemberContext = Context & { organizationId: string; user: { id: string } };

/** The viewer's best lease status per property of the organization. */
async function leaseStatusByProperty(
  ctx: MemberContext,
  scope: PolicyScope,
): Promise<Map<string, LeaseStatus | "none">> {
  const rows = await ctx.db
    .selectFrom("resident_leases")
    .select(["property_id", "starts_on", "ends_on"])
    .where("user_id", "=", ctx.user.id)
    .where("organization_id", "=", ctx.organizationId)
    .execute();
  const today = isoDay(scope.now, scope.org.timezone);
  const byProperty = new Map<string, LeaseStatus[]>();
  for (const row of rows) {
    const list = byProperty.get(row.property_id) ?? [];
    list.push(leaseStatus({ starts_on: row.starts_on, ends_on: row.ends_on }, today));
    byProperty.set(row.property_id, list);
  }
  return new Map([...byProperty].map(([id, statuses]) => [id, bestLeaseStatus(statuses)]));
}

/** A function giving the actor as seen at a post's property. */
async function boardActor(
  ctx: MemberContext,
  scope: PolicyScope,
): Promise<(propertyId: string | null) => Actor> {
  if (scope.actor.kind !== "resident") return () => scope.actor;
  const leases = await leaseStatusByProperty(ctx, scope);
  return (propertyId) =>
    propertyId === null
      ? scope.actor
      : { ...scope.actor, leaseStatus: leases.get(propertyId) ?? "none" };
}

function notFound(what: "post" | "comment" | "property"): TRPCError {
  return new TRPCError({
    code: "NOT_FOUND",
    message: `This ${what} does not exist or you cannot see it.`,
  });
}

async function loadPost(ctx: MemberContext, postId: string) {
  const post = await ctx.db
    .selectFrom("board_posts as p")
    .leftJoin("users as a", "a.id", "p.author_id")
    .select([
      "p.id",
      "p.property_id as propertyId",
      "p.author_id as authorId",
      "a.display_name as authorName",
      "p.category",
      "p.title",
      "p.body",
      "p.comments_enabled as commentsEnabled",
      "p.created_at as createdAt",
    ])
    .where("p.id", "=", postId)
    .where("p.organization_id", "=", ctx.organizationId)
    .where("p.deleted_at", "is", null)
    .executeTakeFirst();
  if (!post) throw notFound("post");
  return post;
}

/**
 * The facts a write on a post decides on, read with the post's row locked until the transaction
 * ends. `share` lets comments go in side by side but waits for (and holds off) a change to the
 * post, such as turning comments off; `update` is for changing the post itself.
 */
async function lockPost(
  trx: Transaction<Database>,
  ctx: MemberContext,
  postId: string,
  mode: "share" | "update",
) {
  const query = trx
    .selectFrom("board_posts")
    .select([
      "id",
      "property_id as propertyId",
      "author_id as authorId",
      "comments_enabled as commentsEnabled",
    ])
    .where("id", "=", postId)
    .where("organization_id", "=", ctx.organizationId)
    .where("deleted_at", "is", null);
  const post = await (mode === "share" ? query.forShare() : query.forUpdate()).executeTakeFirst();
  if (!post) throw notFound("post");
  return post;
}

/** Posts the viewer may see, newest first, with comment counts. */
export async function listPosts(
  ctx: MemberContext,
  scope: PolicyScope,
  input: { search?: string | undefined },
) {
  enforce(scope.policy.viewBoard({ actor: scope.actor }));
  const actorAt = await boardActor(ctx, scope);
  let query = ctx.db
    .selectFrom("board_posts as p")
    .leftJoin("users as a", "a.id", "p.author_id")
    .leftJoin("properties as pr", "pr.id", "p.property_id")
    .select((eb) => [
      "p.id",
      "p.property_id as propertyId",
      "pr.name as propertyName",
      "p.author_id as authorId",
      "a.display_name as authorName",
      "p.category",
      "p.title",
      "p.body",
      "p.comments_enabled as commentsEnabled",
      "p.created_at as createdAt",
      eb
        .selectFrom("board_comments as c")
        .select((c) => c.fn.countAll<number>().as("n"))
        .whereRef("c.post_id", "=", "p.id")
        .where("c.deleted_at", "is", null)
        .as("commentCount"),
    ])
    .where("p.organization_id", "=", ctx.organizationId)
    .where("p.deleted_at", "is", null);
  const search = input.search?.trim();
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = query.where((eb) =>
      eb.or([eb("p.title", "ilike", pattern), eb("p.body", "ilike", pattern)]),
    );
  }
  const rows = await query.orderBy("p.created_at", "desc").orderBy("p.id").execute();
  return rows
    .filter((row) => scope.policy.viewBoard({ actor: actorAt(row.propertyId) }).allowed)
    .map((row) => ({ ...row, commentCount: Number(row.commentCount ?? 0) }));
}

/**
 * A manager marks comments of a post seen, which ends residents' right to remove them where the
 * profile says so. Its own mutation, never a side effect of reading: a GET anyone can make a
 * browser send must not take that right away. Only the comments named (those the manager was
 * shown) are marked: one posted after the page was drawn stays its author's to delete.
 */
export async function markCommentsSeen(
  ctx: MemberContext,
  scope: PolicyScope,
  input: { postId: string; commentIds: readonly string[] },
) {
  const post = await loadPost(ctx, input.postId);
  const actor = (await boardActor(ctx, scope))(post.propertyId);
  enforce(scope.policy.viewBoard({ actor }));
  if (actor.kind !== "manager")
    throw new TRPCError({ code: "FORBIDDEN", message: "Only managers mark comments seen." });
  const marked = await ctx.db
    .updateTable("board_comments")
    .set({ seen_by_manager_at: scope.now })
    .where("id", "in", [...input.commentIds])
    .where("post_id", "=", post.id)
    .where("organization_id", "=", ctx.organizationId)
    .where("seen_by_manager_at", "is", null)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return { marked: Number(marked.numUpdatedRows) };
}

/** One post with its comments and what the viewer may do; reading changes nothing. */
export async function readPost(ctx: MemberContext, scope: PolicyScope, postId: string) {
  const post = await loadPost(ctx, postId);
  const actor = (await boardActor(ctx, scope))(post.propertyId);
  enforce(scope.policy.viewBoard({ actor }));
  const comments = await ctx.db
    .selectFrom("board_comments as c")
    .leftJoin("users as a", "a.id", "c.author_id")
    .select([
      "c.id",
      "c.author_id as authorId",
      "a.display_name as authorName",
      "c.body",
      "c.created_at as createdAt",
      "c.seen_by_manager_at as seenByManagerAt",
      "c.deleted_at as deletedAt",
    ])
    .where("c.post_id", "=", post.id)
    .where("c.organization_id", "=", ctx.organizationId)
    .where("c.deleted_at", "is", null)
    .orderBy("c.created_at")
    .orderBy("c.id")
    .execute();
  const capabilities: { comment: Decision; toggleComments: Decision } = {
    comment: scope.policy.commentOnPost({
      actor,
      post: { authorId: post.authorId, commentsEnabled: post.commentsEnabled },
    }),
    toggleComments: scope.policy.toggleComments({ actor }),
  };
  return {
    ...post,
    capabilities,
    comments: comments.map(({ deletedAt, ...comment }) => ({
      ...comment,
      canDelete: scope.policy.deleteComment({
        actor,
        comment: {
          authorId: comment.authorId,
          seenByManagerAt: comment.seenByManagerAt,
          deletedAt,
        },
      }).allowed,
    })),
  };
}

export async function createPost(
  ctx: MemberContext,
  scope: PolicyScope,
  input: { title: string; body: string; category: BoardCategory; propertyId?: string | undefined },
) {
  enforce(scope.policy.postToBoard({ actor: scope.actor, category: input.category }));
  if (input.propertyId) {
    const property = await ctx.db
      .selectFrom("properties")
      .select("id")
      .where("id", "=", input.propertyId)
      .where("organization_id", "=", ctx.organizationId)
      .executeTakeFirst();
    if (!property) throw notFound("property");
  }
  return ctx.db
    .insertInto("board_posts")
    .values({
      organization_id: ctx.organizationId,
      property_id: input.propertyId ?? null,
      author_id: ctx.user.id,
      category: input.category,
      title: input.title,
      body: input.body,
    })
    .returning(["id", "created_at as createdAt"])
    .executeTakeFirstOrThrow();
}

export async function setCommentsEnabled(
  ctx: MemberContext,
  scope: PolicyScope,
  input: { postId: string; enabled: boolean },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const post = await lockPost(trx, ctx, input.postId, "update");
    enforce(scope.policy.toggleComments({ actor: scope.actor }));
    await trx
      .updateTable("board_posts")
      .set({ comments_enabled: input.enabled, updated_at: scope.now })
      .where("id", "=", post.id)
      .where("organization_id", "=", ctx.organizationId)
      .execute();
    await trx
      .insertInto("audit_log")
      .values({
        organization_id: ctx.organizationId,
        actor_id: ctx.user.id,
        action: input.enabled ? "board_post.comments_enabled" : "board_post.comments_disabled",
        target_type: "board_post",
        target_id: post.id,
        before: JSON.stringify({ commentsEnabled: post.commentsEnabled }),
        after: JSON.stringify({ commentsEnabled: input.enabled }),
      })
      .execute();
    return { postId: post.id, commentsEnabled: input.enabled };
  });
}

/**
 * The post stays share-locked from the check to the insert, so a comment never lands on a post
 * whose comments were turned off after the check.
 */
export async function addComment(
  ctx: MemberContext,
  scope: PolicyScope,
  input: { postId: string; body: string },
) {
  // Lease facts are read first, through the pool: inside the transaction only `trx` may be used.
  const actorAt = await boardActor(ctx, scope);
  return ctx.db.transaction().execute(async (trx) => {
    const post = await lockPost(trx, ctx, input.postId, "share");
    const actor = actorAt(post.propertyId);
    enforce(
      scope.policy.commentOnPost({
        actor,
        post: { authorId: post.authorId, commentsEnabled: post.commentsEnabled },
      }),
    );
    return trx
      .insertInto("board_comments")
      .values({
        organization_id: ctx.organizationId,
        post_id: post.id,
        author_id: ctx.user.id,
        body: input.body,
        // A manager has obviously seen their own comment.
        seen_by_manager_at: actor.kind === "manager" ? scope.now : null,
      })
      .returning(["id", "created_at as createdAt"])
      .executeTakeFirstOrThrow();
  });
}

/**
 * The comment row is locked before the policy looks at it. A manager's `markCommentsSeen` marks
 * the comments seen with an update of the same rows, so either that update lands first and the
 * resident is refused, or the delete does and the manager's update skips the deleted comment.
 */
export async function removeComment(
  ctx: MemberContext,
  scope: PolicyScope,
  input: { commentId: string },
) {
  const actorAt = await boardActor(ctx, scope);
  return ctx.db.transaction().execute(async (trx) => {
    const comment = await trx
      .selectFrom("board_comments as c")
      .innerJoin("board_posts as p", (join) =>
        join.onRef("p.id", "=", "c.post_id").onRef("p.organization_id", "=", "c.organization_id"),
      )
      .select([
        "c.id",
        "c.post_id as postId",
        "c.author_id as authorId",
        "c.body",
        "c.seen_by_manager_at as seenByManagerAt",
        "c.deleted_at as deletedAt",
        "p.property_id as propertyId",
      ])
      .where("c.id", "=", input.commentId)
      .where("c.organization_id", "=", ctx.organizationId)
      .where("p.deleted_at", "is", null)
      .forUpdate("c")
      .executeTakeFirst();
    if (!comment) throw notFound("comment");
    enforce(
      scope.policy.deleteComment({
        actor: actorAt(comment.propertyId),
        comment: {
          authorId: comment.authorId,
          seenByManagerAt: comment.seenByManagerAt,
          deletedAt: comment.deletedAt,
        },
      }),
    );
    await trx
      .updateTable("board_comments")
      .set({ deleted_at: scope.now })
      .where("id", "=", comment.id)
      .where("organization_id", "=", ctx.organizationId)
      .execute();
    await trx
      .insertInto("audit_log")
      .values({
        organization_id: ctx.organizationId,
        actor_id: ctx.user.id,
        action: "board_comment.deleted",
        target_type: "board_comment",
        target_id: comment.id,
        before: JSON.stringify({ body: comment.body, postId: comment.postId }),
        after: null,
      })
      .execute();
    return { commentId: comment.id };
  });
}
