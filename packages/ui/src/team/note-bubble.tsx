import type { RouterOutputs } from "@hearth/api";
import { clockTime, type DateZone, dateTime } from "../messenger/format";
import { MessageText } from "../messenger/message-text";

export type TeamNote = RouterOutputs["team"]["notes"][number];

/** An internal note in the thread: set apart so nobody mistakes it for a message to the resident. */
export function NoteBubble({ note, dates }: { note: TeamNote; dates: DateZone }) {
  return (
    <li
      aria-label={`Internal note by ${note.authorName ?? "a former team member"}`}
      className="mx-auto max-w-xl rounded-lg border border-dashed border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-50"
    >
      <p className="text-xs font-semibold">
        Internal note · {note.authorName ?? "Former team member"} ·{" "}
        <time
          dateTime={new Date(note.createdAt).toISOString()}
          title={dateTime(note.createdAt, dates)}
        >
          {clockTime(note.createdAt, dates)}
        </time>
      </p>
      <div className="mt-1 whitespace-pre-wrap break-words">
        <MessageText body={note.body} />
      </div>
      <p className="mt-1 text-xs">Only your team sees this.</p>
    </li>
  );
}
