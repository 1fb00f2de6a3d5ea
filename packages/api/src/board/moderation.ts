/**
 * Managers moderate the board: approve a resident's waiting post, pin a post, hide a comment,
 * remove a post. Each change locks its row, asks the policy, and leaves an audit entry.
 */
import type { Database, Transaction } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import { enforce, type PolicyScope } from "../policy/gateway";
import { lockPost, type MemberContext, notFound } from "./access";

interface AuditEntry {
  action: string;
  targetType: "board_post" | "board_comment";
  targetId: string;
  before: Record<string, unknown>;
  after: Record<string, unknown> | null;
}

async function audit(trx: Transaction<Database>, ctx: MemberContext, entry: AuditEntry) {
  await trx
    .insertInto("audit_log")
    .values({
      organization_id: ctx.organizationId,
      actor_id: ctx.user.id,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      before: JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
    })
    .execute();
}

/** A waiting post appears on the board. */
export async function approvePost(
  ctx: MemberContext,
  scope: PolicyScope,
  input: { postId: string },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const post = await lockPost(trx, ctx, scope, input.postId, "update");
    enforce(scope.policy.moderateBoard({ actor: scope.actor }));
    if (!post.awaitingApproval)
      throw new TRPCError({ code: "CONFLICT", message: "This post is already on the board." });
    // Shown from now on, so it counts as new: it goes to the top of the newest-first list.
    await trx
      .updateTable("board_posts")
      .set({ awaiting_approval: false, created_at: scope.now, updated_at: scope.now })
      .where("id", "=", post.id)
      .where("organization_id", "=", ctx.organizationId)
      .execute();
    await audit(trx, ctx, {
      action: "board_post.approved",
      targetType: "board_post",
      targetId: post.id,
      before: { awaitingApproval: true },
      after: { awaitingApproval: false },
    });
    return { postId: post.id, awaitingApproval: false };
  });
}

/** Pin a post to the top of the board, or unpin it. */
export async function setPinned(
  ctx: MemberContext,
  scope: PolicyScope,
  input: { postId: string; pinned: boolean },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const post = await lockPost(trx, ctx, scope, input.postId, "update");
    enforce(scope.policy.moderateBoard({ actor: scope.actor }));
    const pinnedAt = input.pinned ? (post.pinnedAt ?? scope.now) : null;
    await trx
      .updateTable("board_posts")
      .set({ pinned_at: pinnedAt, updated_at: scope.now })
      .where("id", "=", post.id)
      .where("organization_id", "=", ctx.organizationId)
      .execute();
    await audit(trx, ctx, {
      action: input.pinned ? "board_post.pinned" : "board_post.unpinned",
      targetType: "board_post",
      targetId: post.id,
      before: { pinned: post.pinnedAt !== null },
      after: { pinned: input.pinned },
    });
    return { postId: post.id, pinned: input.pinned };
  });
}

/** Remove a post (a waiting one a manager turns down, or any post); the audit log keeps it. */
export async function removePost(
  ctx: MemberContext,
  scope: PolicyScope,
  input: { postId: string },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const post = await lockPost(trx, ctx, scope, input.postId, "update");
    enforce(scope.policy.moderateBoard({ actor: scope.actor }));
    await trx
      .updateTable("board_posts")
      .set({ deleted_at: scope.now, updated_at: scope.now })
      .where("id", "=", post.id)
      .where("organization_id", "=", ctx.organizationId)
      .execute();
    await audit(trx, ctx, {
      action: "board_post.deleted",
      targetType: "board_post",
      targetId: post.id,
      before: { title: post.title, awaitingApproval: post.awaitingApproval },
      after: null,
    });
    return { postId: post.id };
  });
}

/** Hide a comment from residents (its author included), or show it again. */
export async function setCommentHidden(
  ctx: MemberContext,
  scope: PolicyScope,
  input: { commentId: string; hidden: boolean },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const comment = await trx
      .selectFrom("board_comments as c")
      .innerJoin("board_posts as p", (join) =>
        join.onRef("p.id", "=", "c.post_id").onRef("p.organization_id", "=", "c.organization_id"),
      )
      .select(["c.id", "c.post_id as postId", "c.hidden_at as hiddenAt"])
      .where("c.id", "=", input.commentId)
      .where("c.organization_id", "=", ctx.organizationId)
      .where("c.deleted_at", "is", null)
      .where("p.deleted_at", "is", null)
      .forUpdate("c")
      .executeTakeFirst();
    if (!comment) throw notFound("comment");
    enforce(scope.policy.moderateBoard({ actor: scope.actor }));
    await trx
      .updateTable("board_comments")
      .set({
        hidden_at: input.hidden ? (comment.hiddenAt ?? scope.now) : null,
        // Hiding it is seeing it: its author can no longer take it back.
        seen_by_manager_at: (eb) => eb.fn.coalesce("seen_by_manager_at", eb.val(scope.now)),
      })
      .where("id", "=", comment.id)
      .where("organization_id", "=", ctx.organizationId)
      .execute();
    await audit(trx, ctx, {
      action: input.hidden ? "board_comment.hidden" : "board_comment.shown",
      targetType: "board_comment",
      targetId: comment.id,
      before: { hidden: comment.hiddenAt !== null, postId: comment.postId },
      after: { hidden: input.hidden },
    });
    return { commentId: comment.id, hidden: input.hidden };
  });
}
