import type { RouterOutputs } from "@hearth/api";
import { useState } from "react";
import { clockTime, messageTypeLabels } from "./format";

export type ThreadMessage = RouterOutputs["conversations"]["messages"]["messages"][number];

export interface PendingMessage {
  clientId: string;
  body: string;
  state: "sending" | "failed";
}

/** One message: who, when, type and priority, edited/deleted marks, and for one's own, its status. */
export function MessageBubble({
  message,
  timeZone,
  marked = false,
  onEdit,
  onDelete,
}: {
  message: ThreadMessage;
  timeZone: string;
  /** The message the thread was opened at (a search hit): shown marked. */
  marked?: boolean;
  onEdit: (id: number, body: string) => Promise<unknown>;
  onDelete: (id: number) => Promise<unknown>;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.body ?? "");
  const mine = message.mine;
  const deleted = message.deletedAt !== null;
  return (
    <li
      id={`message-${message.id}`}
      aria-current={marked || undefined}
      className={`flex scroll-my-16 ${mine ? "justify-end" : "justify-start"} ${marked ? "-mx-2 rounded-xl bg-amber-50 px-2 py-1 ring-2 ring-amber-300" : ""}`}
    >
      <div
        className={`max-w-[85%] sm:max-w-[70%] ${mine ? "items-end" : "items-start"} flex flex-col`}
      >
        {!mine ? (
          <span className="mb-0.5 px-1 text-xs font-medium text-slate-600">
            {message.senderName ?? "From the organization"}
          </span>
        ) : null}
        <div
          className={`rounded-2xl px-3 py-2 text-sm shadow-sm ${
            deleted
              ? "border border-dashed border-slate-300 bg-transparent italic text-slate-500"
              : mine
                ? "bg-brand-600 text-white"
                : "bg-white text-slate-900 ring-1 ring-slate-200"
          } ${message.priority === "high" && !deleted ? "ring-2 ring-red-500" : ""}`}
        >
          {marked ? <span className="sr-only">The message you opened: </span> : null}
          {message.priority === "high" && !deleted ? (
            <span className="mb-1 inline-block rounded bg-red-600 px-1.5 text-xs font-bold uppercase not-italic text-white">
              High priority
            </span>
          ) : null}
          {message.type !== "general" && !deleted ? (
            <span
              className={`mb-1 ml-1 inline-block rounded px-1.5 text-xs ${mine ? "bg-white/20" : "bg-slate-100 text-slate-700"}`}
            >
              {messageTypeLabels[message.type]}
            </span>
          ) : null}
          {deleted ? (
            <p>This message was deleted.</p>
          ) : editing ? (
            <form
              className="flex flex-col gap-2"
              onSubmit={(event) => {
                event.preventDefault();
                void onEdit(message.id, draft).then(() => setEditing(false));
              }}
            >
              <label className="sr-only" htmlFor={`edit-${message.id}`}>
                Edit message
              </label>
              <textarea
                id={`edit-${message.id}`}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                className="min-w-[14rem] rounded border border-slate-300 p-2 text-slate-900"
                rows={3}
              />
              <div className="flex justify-end gap-2 text-xs">
                <button type="button" onClick={() => setEditing(false)} className="underline">
                  Cancel
                </button>
                <button
                  type="submit"
                  className="rounded bg-white px-2 py-1 font-semibold text-brand-700"
                >
                  Save
                </button>
              </div>
            </form>
          ) : (
            <p className="whitespace-pre-wrap break-words">{message.body}</p>
          )}
        </div>
        <div className="mt-0.5 flex items-center gap-2 px-1 text-xs text-slate-500">
          <time dateTime={new Date(message.createdAt).toISOString()}>
            {clockTime(message.createdAt, timeZone)}
          </time>
          {message.editedAt && !deleted ? <span>Edited</span> : null}
          {mine && !deleted ? (
            <span>{message.seenBy?.length ? `Seen by ${message.seenBy.join(", ")}` : "Sent"}</span>
          ) : null}
          {!deleted && !editing && message.can.edit ? (
            <button type="button" className="hover:underline" onClick={() => setEditing(true)}>
              Edit
            </button>
          ) : null}
          {!deleted && message.can.delete ? (
            <button
              type="button"
              className="hover:underline"
              onClick={() => {
                if (window.confirm("Delete this message? Everyone will see that it was deleted."))
                  void onDelete(message.id);
              }}
            >
              Delete
            </button>
          ) : null}
        </div>
      </div>
    </li>
  );
}

/** A message on its way, or one that failed with a way to try again. */
export function PendingBubble({
  pending,
  onRetry,
}: {
  pending: PendingMessage;
  onRetry: () => void;
}) {
  return (
    <li className="flex justify-end">
      <div className="flex max-w-[85%] flex-col items-end sm:max-w-[70%]">
        <div
          className={`rounded-2xl px-3 py-2 text-sm text-white shadow-sm ${pending.state === "failed" ? "bg-red-700" : "bg-brand-600 opacity-70"}`}
        >
          <p className="whitespace-pre-wrap break-words">{pending.body}</p>
        </div>
        <div
          className="mt-0.5 px-1 text-xs text-slate-500"
          role={pending.state === "failed" ? "alert" : "status"}
        >
          {pending.state === "sending" ? (
            "Sending…"
          ) : (
            <>
              Not sent.{" "}
              <button
                type="button"
                onClick={onRetry}
                className="font-semibold text-red-700 underline"
              >
                Retry
              </button>
            </>
          )}
        </div>
      </div>
    </li>
  );
}
