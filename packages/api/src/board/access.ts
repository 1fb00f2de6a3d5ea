/**
 * Who sees which board post. Board decisions don't know a post's property, so for residents the
 * actor's `leaseStatus` is filled with their lease at the post's property (organization-wide
 * posts: their best lease anywhere). A post waiting for approval exists only for its author and
 * the managers who moderate; to anyone else it is "not found", like another organization's.
 */
import {
  bestLeaseStatus,
  type Database,
  isoDay,
  type LeaseStatus,
  leaseStatus,
  type Transaction,
} from "@hearth/db";
import type { Actor } from "@hearth/policies";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import type { PolicyScope } from "../policy/gateway";

export type MemberContext = Context & { organizationId: string; user: { id: string } };

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
export async function boardActor(
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

export function notFound(what: "post" | "comment" | "property"): TRPCError {
  return new TRPCError({
    code: "NOT_FOUND",
    message: `This ${what} does not exist or you cannot see it.`,
  });
}

/** Whether the viewer may see a post in its current approval state. */
export function maySee(
  ctx: MemberContext,
  scope: PolicyScope,
  post: { authorId: string | null; awaitingApproval: boolean },
): boolean {
  return (
    !post.awaitingApproval ||
    post.authorId === ctx.user.id ||
    scope.policy.moderateBoard({ actor: scope.actor }).allowed
  );
}

/** A post of the organization that the viewer may see, or NOT_FOUND. */
export async function loadPost(ctx: MemberContext, scope: PolicyScope, postId: string) {
  const post = await ctx.db
    .selectFrom("board_posts as p")
    .leftJoin("users as a", "a.id", "p.author_id")
    .leftJoin("properties as pr", "pr.id", "p.property_id")
    .select([
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
    ])
    .where("p.id", "=", postId)
    .where("p.organization_id", "=", ctx.organizationId)
    .where("p.deleted_at", "is", null)
    .executeTakeFirst();
  if (!post || !maySee(ctx, scope, post)) throw notFound("post");
  return post;
}

/**
 * The facts a write on a post decides on, read with the post's row locked until the transaction
 * ends. `share` lets comments go in side by side but waits for (and holds off) a change to the
 * post, such as turning comments off; `update` is for changing the post itself.
 */
export async function lockPost(
  trx: Transaction<Database>,
  ctx: MemberContext,
  scope: PolicyScope,
  postId: string,
  mode: "share" | "update",
) {
  const query = trx
    .selectFrom("board_posts")
    .select([
      "id",
      "property_id as propertyId",
      "author_id as authorId",
      "title",
      "comments_enabled as commentsEnabled",
      "pinned_at as pinnedAt",
      "awaiting_approval as awaitingApproval",
    ])
    .where("id", "=", postId)
    .where("organization_id", "=", ctx.organizationId)
    .where("deleted_at", "is", null);
  const post = await (mode === "share" ? query.forShare() : query.forUpdate()).executeTakeFirst();
  if (!post || !maySee(ctx, scope, post)) throw notFound("post");
  return post;
}

/**
 * Whether the viewer may read a file of a post or comment: whoever may read the post (its
 * approval state and the board's policy at its property); a hidden comment's files only for the
 * managers who moderate.
 */
export async function mayReadBoardFile(
  ctx: MemberContext,
  scope: PolicyScope,
  file: {
    propertyId: string | null;
    authorId: string | null;
    awaitingApproval: boolean;
    commentHidden: boolean;
  },
): Promise<boolean> {
  if (!maySee(ctx, scope, file)) return false;
  const actor = (await boardActor(ctx, scope))(file.propertyId);
  if (!scope.policy.viewBoard({ actor }).allowed) return false;
  return !file.commentHidden || scope.policy.moderateBoard({ actor }).allowed;
}
