import { Form } from "@remix-run/react";
import { MessageAttachments } from "../attachments/message-attachments";
import { useDateStyle } from "../dates/date-style";
import { clockTime, dayLabel } from "../messenger/format";
import type { BoardComment } from "./loader-data";

const menuItem = "block w-full px-3 py-2 text-left text-sm hover:bg-slate-100";

/**
 * The three-dots menu of a comment (seed 002): "Delete" while its author may still remove it (or
 * for a manager), "Hide" / "Show" for managers. A <details> element, so it opens without scripts.
 */
function CommentMenu({ comment, moderate }: { comment: BoardComment; moderate: boolean }) {
  if (!comment.canDelete && !moderate) return null;
  const hidden = comment.hiddenAt !== null;
  return (
    <details className="relative">
      <summary
        aria-label="Comment actions"
        className="cursor-pointer list-none rounded px-2 text-lg leading-none text-slate-500 hover:bg-slate-100 [&::-webkit-details-marker]:hidden"
      >
        ⋯
      </summary>
      <div className="absolute right-0 z-10 mt-1 w-36 overflow-hidden rounded-lg bg-white shadow-lg ring-1 ring-slate-200">
        {comment.canDelete ? (
          <Form method="post">
            <input type="hidden" name="intent" value="deleteComment" />
            <input type="hidden" name="commentId" value={comment.id} />
            <button type="submit" className={`${menuItem} text-red-700`}>
              Delete
            </button>
          </Form>
        ) : null}
        {moderate ? (
          <Form method="post">
            <input type="hidden" name="intent" value="hideComment" />
            <input type="hidden" name="commentId" value={comment.id} />
            <input type="hidden" name="hidden" value={hidden ? "false" : "true"} />
            <button type="submit" className={menuItem}>
              {hidden ? "Show" : "Hide"}
            </button>
          </Form>
        ) : null}
      </div>
    </details>
  );
}

/** One comment: who, when, what; hidden ones (only managers get them) are marked. */
export function CommentItem({
  comment,
  moderate,
  timeZone,
}: {
  comment: BoardComment;
  moderate: boolean;
  timeZone: string;
}) {
  const hidden = comment.hiddenAt !== null;
  const dates = useDateStyle(timeZone);
  return (
    <li
      aria-label={`Comment by ${comment.authorName ?? "a former member"}`}
      className={`flex gap-3 rounded-lg px-3 py-2 ${hidden ? "bg-slate-100 opacity-75" : "bg-slate-50"}`}
    >
      <div className="min-w-0 flex-1">
        <p className="text-xs text-slate-500">
          <span className="font-semibold text-slate-800">
            {comment.authorName ?? "Former member"}
          </span>{" "}
          · {dayLabel(comment.createdAt, dates)} {clockTime(comment.createdAt, dates)}
          {hidden ? (
            <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 font-semibold text-slate-700">
              Hidden from residents
            </span>
          ) : null}
        </p>
        <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-900">
          {comment.body}
        </p>
        <MessageAttachments files={comment.attachments} />
      </div>
      <CommentMenu comment={comment} moderate={moderate} />
    </li>
  );
}
