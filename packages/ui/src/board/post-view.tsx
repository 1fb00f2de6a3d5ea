import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { FormAttachments } from "../attachments/form-attachments";
import { MessageAttachments } from "../attachments/message-attachments";
import { useUploads } from "../attachments/use-uploads";
import { Alert, Button } from "../components/form";
import { useDateStyle } from "../dates/date-style";
import { dayLabel } from "../messenger/format";
import { BOARD_PATH } from "./board-paths";
import { CommentItem } from "./comment-item";
import type { BoardPost, BoardPostActionData } from "./loader-data";
import { MarkCommentsSeen } from "./mark-seen";
import { ModerationBar } from "./moderation-bar";
import { PostBadges } from "./post-badges";

/** "Write a response", or the reason there is none ("Commenting this post is not available"). */
function ResponseForm({ post, problem }: { post: BoardPost; problem: BoardPostActionData }) {
  const busy = useNavigation().formData?.get("intent") === "comment";
  const error = problem?.intent === "comment" ? problem.message : null;
  const form = useRef<HTMLFormElement>(null);
  const wasBusy = useRef(false);
  const attachFile = post.capabilities.attachFile;
  const uploads = useUploads(attachFile.limits);
  const clearUploads = uploads.clear;
  // The page stays mounted across its own post, so empty the field once a response went in.
  useEffect(() => {
    if (wasBusy.current && !busy && !error) {
      form.current?.reset();
      clearUploads();
    }
    wasBusy.current = busy;
  }, [busy, error, clearUploads]);
  if (!post.capabilities.comment.allowed) {
    return (
      <p role="note" className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700">
        {post.capabilities.comment.reason}
      </p>
    );
  }
  return (
    <Form ref={form} method="post" className="space-y-2">
      <input type="hidden" name="intent" value="comment" />
      <label htmlFor="board-response" className="sr-only">
        Write a response
      </label>
      <textarea
        id="board-response"
        name="body"
        required
        rows={3}
        maxLength={5_000}
        placeholder="Write a response"
        className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm outline-none focus:ring-2 focus:ring-brand-500"
      />
      {attachFile.allowed ? (
        <FormAttachments uploads={uploads} limits={attachFile.limits} hint={attachFile.reason} />
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
      <Button disabled={busy || uploads.blocker !== null}>{busy ? "Sending…" : "Respond"}</Button>
    </Form>
  );
}

/** One post of the board: what it says, the manager's tools, and its comments. */
export function PostView({
  post,
  problem,
  isManager,
  viewerId,
  timeZone,
  backTo,
}: {
  post: BoardPost;
  problem: BoardPostActionData;
  isManager: boolean;
  viewerId: string;
  timeZone: string;
  backTo: string;
}) {
  const moderate = post.capabilities.moderate.allowed;
  const dates = useDateStyle(timeZone);
  const otherProblem = problem?.message && problem.intent !== "comment" ? problem.message : null;
  return (
    <article aria-labelledby="post-title" className="flex min-h-0 flex-1 flex-col overflow-y-auto">
      <div className="space-y-3 border-b border-slate-200 p-4 md:p-6">
        <Link to={backTo || BOARD_PATH} className="text-sm font-semibold text-brand-700 md:hidden">
          ← All posts
        </Link>
        <PostBadges
          category={post.category}
          pinned={post.pinnedAt !== null}
          awaitingApproval={post.awaitingApproval}
        />
        <h2 id="post-title" className="text-xl font-bold text-slate-900">
          {post.title}
        </h2>
        <p className="text-xs text-slate-500">
          {post.authorName ?? "Former member"} · {post.propertyName ?? "All properties"} ·{" "}
          {dayLabel(post.createdAt, dates)}
        </p>
        {post.awaitingApproval && post.authorId === viewerId ? (
          <Alert tone="info">{post.capabilities.publish.reason}</Alert>
        ) : null}
        {otherProblem ? <Alert>{otherProblem}</Alert> : null}
        <ModerationBar post={post} />
        <p className="whitespace-pre-wrap break-words text-slate-800">{post.body}</p>
        <MessageAttachments files={post.attachments} />
      </div>
      <section aria-labelledby="comments-heading" className="space-y-3 p-4 md:p-6">
        <h3 id="comments-heading" className="text-sm font-semibold text-slate-900">
          Comments ({post.comments.length})
        </h3>
        {post.comments.length > 0 ? (
          <ul aria-label="Comments" className="space-y-2">
            {post.comments.map((comment) => (
              <CommentItem
                key={comment.id}
                comment={comment}
                moderate={moderate}
                timeZone={timeZone}
              />
            ))}
          </ul>
        ) : null}
        {isManager ? (
          <MarkCommentsSeen
            commentIds={post.comments.map((comment) => comment.id)}
            anyUnseen={post.comments.some((comment) => comment.seenByManagerAt === null)}
          />
        ) : null}
        <ResponseForm post={post} problem={problem} />
      </section>
    </article>
  );
}
