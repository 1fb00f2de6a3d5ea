/** The property message board: posts by the management, comments by residents (seed 002). */
import { allow, type Check, deny } from "../decision";
import type { Rule, RuleSettings } from "../decisions";
import type { Actor } from "../facts";
import type {
  ActorInput,
  CommentOnPostInput,
  DeleteCommentInput,
  PostToBoardInput,
} from "../inputs";
import { categoryLabels } from "../labels";
import { checkNotOperator, checkSubUser } from "./gates";

function checkBoardOn(knobs: RuleSettings): Check {
  return knobs.board
    ? undefined
    : deny("board_disabled", "The property message board isn't available.");
}

/**
 * Board access needs an account connected with the management and an active, shared lease,
 * whatever the profile's messaging gates say: the board shows the property's private notices.
 */
function checkBoardAccess(knobs: RuleSettings, actor: Actor): Check {
  const off = checkBoardOn(knobs) ?? checkNotOperator(actor);
  if (off || actor.kind === "manager") return off;
  if (actor.kind !== "resident") {
    return deny(
      "board_residents_only",
      `The property message board is for ${knobs.words.resident.many}.`,
    );
  }
  if (actor.connection !== "connected") {
    return deny(
      "not_connected",
      `To access the message board you need an account connected with ${knobs.words.management}.`,
    );
  }
  if (actor.leaseStatus !== "active") {
    return deny(
      "lease_not_active",
      "To access the message board you need an active lease shared with you.",
    );
  }
  return undefined;
}

function checkBoardManager(knobs: RuleSettings, actor: Actor, notManager: Check): Check {
  return (
    checkBoardOn(knobs) ??
    (actor.kind === "manager" ? checkSubUser(knobs, actor, "board") : notManager)
  );
}

export const viewBoard: Rule<ActorInput> = (knobs, { actor }) =>
  checkBoardAccess(knobs, actor) ?? allow("May open the property message board.");

/** Residents publish only where the profile (or the organization) lets them. */
function checkMayPublish(knobs: RuleSettings, actor: Actor): Check {
  if (actor.kind === "resident" && knobs.boardResidentPosts) return checkBoardAccess(knobs, actor);
  return checkBoardManager(
    knobs,
    actor,
    deny(
      "board_post_managers_only",
      `Only ${knobs.words.management} can publish on the message board.`,
    ),
  );
}

export const postToBoard: Rule<PostToBoardInput> = (knobs, { actor, category }) =>
  checkMayPublish(knobs, actor) ??
  (category && !knobs.boardCategories.includes(category)
    ? deny(
        "board_category_unavailable",
        `Posts of the kind "${categoryLabels[category]}" aren't available.`,
      )
    : undefined) ??
  allow("May publish on the message board.");

export const commentOnPost: Rule<CommentOnPostInput> = (knobs, { actor, post }) =>
  checkBoardAccess(knobs, actor) ??
  (post.awaitingApproval
    ? deny("post_awaiting_approval", "Comments open once the post is approved.")
    : undefined) ??
  (post.commentsEnabled
    ? undefined
    : deny("comments_disabled", "Commenting this post is not available")) ??
  allow("May comment on this post.");

export const toggleComments: Rule<ActorInput> = (knobs, { actor }) =>
  checkBoardManager(
    knobs,
    actor,
    deny(
      "comment_settings_managers_only",
      `Only ${knobs.words.management} can turn comments on or off.`,
    ),
  ) ?? allow("May turn comments on or off for a post.");

export const deleteComment: Rule<DeleteCommentInput> = (knobs, { actor, comment }) => {
  const access = checkBoardAccess(knobs, actor);
  if (access) return access;
  if (comment.deletedAt) return deny("comment_deleted", "This comment was already removed.");
  if (actor.kind === "manager") {
    return (
      checkSubUser(knobs, actor, "board") ??
      allow("Managers moderate the board and may remove any comment.")
    );
  }
  if (comment.authorId !== actor.userId) {
    return deny("not_comment_author", "You can remove only your own comments.");
  }
  if (knobs.commentDeleteUntilSeen && comment.seenByManagerAt) {
    return deny(
      "comment_already_seen",
      `You can remove your comment only if ${knobs.words.management} hasn't seen it yet.`,
    );
  }
  return allow("May remove this comment.");
};

/**
 * Does the actor's post appear at once? Managers' posts do; residents' posts wait for a manager
 * where the profile asks for approval (the reason is what their author is told).
 */
export const publishWithoutApproval: Rule<ActorInput> = (knobs, { actor }) =>
  actor.kind === "resident" && knobs.boardPostApproval
    ? deny(
        "board_post_needs_approval",
        `Waiting for approval: your post appears once ${knobs.words.management} approves it.`,
      )
    : allow("Posts appear on the board at once.");

/** Hide a comment, pin a post, approve a waiting post. */
export const moderateBoard: Rule<ActorInput> = (knobs, { actor }) =>
  checkBoardManager(
    knobs,
    actor,
    deny(
      "board_moderation_managers_only",
      `Only ${knobs.words.management} can moderate the message board.`,
    ),
  ) ?? allow("May hide comments, pin posts and approve posts.");
