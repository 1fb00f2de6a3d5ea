/**
 * The property message board (seed 002): posts by the management, comments by residents. Who
 * sees which post is decided in `access.ts`; moderation lives in `moderation.ts`.
 */
import type { BoardCategory } from "@hearth/db";
import { composerOptions, type Decision } from "@hearth/policies";
import { TRPCError } from "@trpc/server";
import { attachmentsOf, groupByOwner, takeUploads } from "../data/attachments";
import { enforce, type PolicyScope } from "../policy/gateway";
import { boardActor, loadPost, lockPost, type MemberContext, maySee, notFound } from "./access";
import { postMatches, prefixQueryOf } from "./words";

/**
 * Posts the viewer may see, pinned first, then newest first, with their visible comment counts;
 * with `search`, only those whose title or body has every word (as a prefix).
 */
export async function listPosts(
  ctx: MemberContext,
  scope: PolicyScope,
  input: { search?: string | undefined },
) {
  enforce(scope.policy.viewBoard({ actor: scope.actor }));
  const actorAt = await boardActor(ctx, scope);
  const search = input.search?.trim() ?? "";
  const words = prefixQueryOf(search);
  if (search && !words) return [];
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
      "p.pinned_at as pinnedAt",
      "p.awaiting_approval as awaitingApproval",
      "p.created_at as createdAt",
      eb
        .selectFrom("board_comments as c")
        .select((c) => c.fn.countAll<number>().as("n"))
        .whereRef("c.post_id", "=", "p.id")
        .where("c.deleted_at", "is", null)
        .where("c.hidden_at", "is", null)
        .as("commentCount"),
    ])
    .where("p.organization_id", "=", ctx.organizationId)
    .where("p.deleted_at", "is", null);
  if (words) query = query.where(postMatches(words));
  const rows = await query
    .orderBy((eb) => eb("p.pinned_at", "is", null))
    .orderBy("p.created_at", "desc")
    .orderBy("p.id")
    .execute();
  return rows
    .filter((row) => maySee(ctx, scope, row))
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
  const post = await loadPost(ctx, scope, input.postId);
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

/**
 * One post with its comments and what the viewer may do; reading changes nothing. Managers who
 * moderate also get the hidden comments, marked as such.
 */
export async function readPost(ctx: MemberContext, scope: PolicyScope, postId: string) {
  const post = await loadPost(ctx, scope, postId);
  const actor = (await boardActor(ctx, scope))(post.propertyId);
  enforce(scope.policy.viewBoard({ actor }));
  const moderate = scope.policy.moderateBoard({ actor });
  let query = ctx.db
    .selectFrom("board_comments as c")
    .leftJoin("users as a", "a.id", "c.author_id")
    .select([
      "c.id",
      "c.author_id as authorId",
      "a.display_name as authorName",
      "c.body",
      "c.created_at as createdAt",
      "c.seen_by_manager_at as seenByManagerAt",
      "c.hidden_at as hiddenAt",
      "c.deleted_at as deletedAt",
    ])
    .where("c.post_id", "=", post.id)
    .where("c.organization_id", "=", ctx.organizationId)
    .where("c.deleted_at", "is", null);
  if (!moderate.allowed) query = query.where("c.hidden_at", "is", null);
  const comments = await query.orderBy("c.created_at").orderBy("c.id").execute();
  const [postFiles, commentFiles] = await Promise.all([
    attachmentsOf(ctx.db, ctx.organizationId, "board_post_id", [post.id]),
    attachmentsOf(
      ctx.db,
      ctx.organizationId,
      "board_comment_id",
      comments.map((c) => c.id),
    ).then(groupByOwner),
  ]);
  const capabilities: {
    comment: Decision;
    toggleComments: Decision;
    moderate: Decision;
    publish: Decision;
    attachFile: ReturnType<typeof composerOptions>["attachFile"];
  } = {
    comment: scope.policy.commentOnPost({
      actor,
      post: {
        authorId: post.authorId,
        commentsEnabled: post.commentsEnabled,
        awaitingApproval: post.awaitingApproval,
      },
    }),
    toggleComments: scope.policy.toggleComments({ actor }),
    moderate,
    // What the author of a waiting post is told ("Waiting for approval …").
    publish: scope.policy.publishWithoutApproval({ actor }),
    attachFile: composerOptions(scope.policy, { actor }).attachFile,
  };
  return {
    ...post,
    capabilities,
    attachments: postFiles.map(({ ownerId, ...file }) => file),
    comments: comments.map(({ deletedAt, ...comment }) => ({
      ...comment,
      attachments: commentFiles.get(comment.id) ?? [],
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

/**
 * Publish a post. A resident's post (where the profile lets residents post) waits for a
 * manager's approval when the profile asks for it; the answer says so.
 */
export async function createPost(
  ctx: MemberContext,
  scope: PolicyScope,
  input: {
    title: string;
    body: string;
    category: BoardCategory;
    propertyId?: string | undefined;
    attachmentIds?: readonly string[] | undefined;
  },
) {
  const actorAt = await boardActor(ctx, scope);
  const actor = actorAt(input.propertyId ?? null);
  enforce(scope.policy.postToBoard({ actor, category: input.category }));
  const attachmentIds = input.attachmentIds ?? [];
  if (attachmentIds.length > 0) enforce(scope.policy.attachFile({ actor }));
  const awaitingApproval = !scope.policy.publishWithoutApproval({ actor }).allowed;
  if (input.propertyId) {
    const property = await ctx.db
      .selectFrom("properties")
      .select("id")
      .where("id", "=", input.propertyId)
      .where("organization_id", "=", ctx.organizationId)
      .executeTakeFirst();
    if (!property) throw notFound("property");
  }
  return ctx.db.transaction().execute(async (trx) => {
    const post = await trx
      .insertInto("board_posts")
      .values({
        organization_id: ctx.organizationId,
        property_id: input.propertyId ?? null,
        author_id: ctx.user.id,
        category: input.category,
        title: input.title,
        body: input.body,
        awaiting_approval: awaitingApproval,
      })
      .returning(["id", "created_at as createdAt", "awaiting_approval as awaitingApproval"])
      .executeTakeFirstOrThrow();
    await takeUploads(
      trx,
      { organizationId: ctx.organizationId, uploaderId: ctx.user.id },
      attachmentIds,
      { board_post_id: post.id },
    );
    return post;
  });
}

export async function setCommentsEnabled(
  ctx: MemberContext,
  scope: PolicyScope,
  input: { postId: string; enabled: boolean },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const post = await lockPost(trx, ctx, scope, input.postId, "update");
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
  input: { postId: string; body: string; attachmentIds?: readonly string[] | undefined },
) {
  const attachmentIds = input.attachmentIds ?? [];
  // Lease facts are read first, through the pool: inside the transaction only `trx` may be used.
  const actorAt = await boardActor(ctx, scope);
  return ctx.db.transaction().execute(async (trx) => {
    const post = await lockPost(trx, ctx, scope, input.postId, "share");
    const actor = actorAt(post.propertyId);
    enforce(
      scope.policy.commentOnPost({
        actor,
        post: {
          authorId: post.authorId,
          commentsEnabled: post.commentsEnabled,
          awaitingApproval: post.awaitingApproval,
        },
      }),
    );
    if (attachmentIds.length > 0) enforce(scope.policy.attachFile({ actor }));
    const comment = await trx
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
    await takeUploads(
      trx,
      { organizationId: ctx.organizationId, uploaderId: ctx.user.id },
      attachmentIds,
      { board_comment_id: comment.id },
    );
    return comment;
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
        "c.hidden_at as hiddenAt",
        "p.property_id as propertyId",
        "p.author_id as postAuthorId",
        "p.awaiting_approval as awaitingApproval",
      ])
      .where("c.id", "=", input.commentId)
      .where("c.organization_id", "=", ctx.organizationId)
      .where("p.deleted_at", "is", null)
      .forUpdate("c")
      .executeTakeFirst();
    const post = comment && {
      authorId: comment.postAuthorId,
      awaitingApproval: comment.awaitingApproval,
    };
    const moderates = scope.policy.moderateBoard({ actor: scope.actor }).allowed;
    // A hidden comment is gone for everyone but the moderators, its author included.
    if (!comment || !post || !maySee(ctx, scope, post) || (comment.hiddenAt && !moderates))
      throw notFound("comment");
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
