import { boardCategories } from "@hearth/policies";
import { z } from "zod";
import { postComposer } from "../board/composer";
import { approvePost, removePost, setCommentHidden, setPinned } from "../board/moderation";
import {
  addComment,
  createPost,
  listPosts,
  markCommentsSeen,
  readPost,
  removeComment,
  setCommentsEnabled,
} from "../board/service";
import { MAX_ATTACHMENTS_PER_MESSAGE } from "../data/attachments";
import { policyScope } from "../policy/gateway";
import { memberProcedure, router } from "../trpc";

const uuid = () => z.string().uuid("Not a valid id");
/** Uploads from `/api/files`; the write is refused whole if one is not the author's own. */
const attachmentIds = () =>
  z
    .array(uuid())
    .max(MAX_ATTACHMENTS_PER_MESSAGE, `At most ${MAX_ATTACHMENTS_PER_MESSAGE} files`)
    .default([]);

export const boardRouter = router({
  /**
   * Posts the viewer may see (residents: their leased properties and organization-wide), pinned
   * first, then newest first; `search` keeps those whose title or body has every word typed.
   */
  posts: memberProcedure
    .input(
      z
        .object({
          search: z.string().trim().max(200, "Search for at most 200 characters").optional(),
        })
        .default({}),
    )
    .query(async ({ ctx, input }) => listPosts(ctx, await policyScope(ctx), input)),

  /** What the viewer's "new post" form offers: may they publish, which kinds, which properties. */
  composer: memberProcedure.query(async ({ ctx }) => postComposer(ctx, await policyScope(ctx))),

  /** One post, its comments (each with `canDelete`) and the viewer's capabilities on it. */
  post: memberProcedure
    .input(z.strictObject({ id: uuid() }))
    .query(async ({ ctx, input }) => readPost(ctx, await policyScope(ctx), input.id)),

  /**
   * A manager has seen these comments of the post (the ones the page showed): residents may no
   * longer delete them (per profile). A comment posted since the page was drawn stays unseen.
   */
  markSeen: memberProcedure
    .input(
      z.strictObject({
        postId: uuid(),
        commentIds: z
          .array(uuid())
          .min(1, "Name the comments that were shown")
          .max(500, "At most 500 comments at once"),
      }),
    )
    .mutation(async ({ ctx, input }) => markCommentsSeen(ctx, await policyScope(ctx), input)),

  /**
   * Publish a post, for one property or (without `propertyId`) the whole organization. Where a
   * resident may post and approval is on, the post waits (`awaitingApproval`) for a manager.
   */
  createPost: memberProcedure
    .input(
      z.strictObject({
        title: z.string().trim().min(1, "Write a title").max(200, "Use at most 200 characters"),
        body: z
          .string()
          .trim()
          .min(1, "Write the post")
          .max(20_000, "Posts are at most 20,000 characters"),
        category: z.enum(boardCategories, {
          errorMap: () => ({ message: `Choose one of ${boardCategories.join(", ")}` }),
        }),
        propertyId: uuid().optional(),
        attachmentIds: attachmentIds(),
      }),
    )
    .mutation(async ({ ctx, input }) => createPost(ctx, await policyScope(ctx), input)),

  /** Turn comments on or off for a post. */
  setCommentsEnabled: memberProcedure
    .input(z.strictObject({ postId: uuid(), enabled: z.boolean() }))
    .mutation(async ({ ctx, input }) => setCommentsEnabled(ctx, await policyScope(ctx), input)),

  /** Comment on a post. */
  comment: memberProcedure
    .input(
      z.strictObject({
        postId: uuid(),
        body: z
          .string()
          .trim()
          .min(1, "Write a comment")
          .max(5_000, "Comments are at most 5,000 characters"),
        attachmentIds: attachmentIds(),
      }),
    )
    .mutation(async ({ ctx, input }) => addComment(ctx, await policyScope(ctx), input)),

  /** Remove a comment (soft delete; the audit log keeps its text). */
  deleteComment: memberProcedure
    .input(z.strictObject({ commentId: uuid() }))
    .mutation(async ({ ctx, input }) => removeComment(ctx, await policyScope(ctx), input)),

  /** A manager lets a waiting post appear on the board. */
  approvePost: memberProcedure
    .input(z.strictObject({ postId: uuid() }))
    .mutation(async ({ ctx, input }) => approvePost(ctx, await policyScope(ctx), input)),

  /** A manager pins a post above the others, or unpins it. */
  setPinned: memberProcedure
    .input(z.strictObject({ postId: uuid(), pinned: z.boolean() }))
    .mutation(async ({ ctx, input }) => setPinned(ctx, await policyScope(ctx), input)),

  /** A manager removes a post (or turns down a waiting one); the audit log keeps its title. */
  deletePost: memberProcedure
    .input(z.strictObject({ postId: uuid() }))
    .mutation(async ({ ctx, input }) => removePost(ctx, await policyScope(ctx), input)),

  /** A manager hides a comment from residents, or shows it again. */
  setCommentHidden: memberProcedure
    .input(z.strictObject({ commentId: uuid(), hidden: z.boolean() }))
    .mutation(async ({ ctx, input }) => setCommentHidden(ctx, await policyScope(ctx), input)),
});
