import type { RouterOutputs } from "@hearth/api";
import { useState } from "react";
import { MessageAttachments } from "../attachments/message-attachments";
import { DeliveryLog } from "../notifications/delivery-log";
import { clockTime, type DateZone, messageTypeLabels } from "./format";
import { MessageText } from "./message-text";

export type ThreadMessage = RouterOutputs["conversations"]["messages"]["messages"][number];

export interface PendingMessage {
  clientId: string;
  body: string;
  /** "refused": the policy said no, and `reason` says why; "failed": a retry may go through. */
  state: "sending" | "failed" | "refused";
  reason?: string;
}

/** "Seen by" under the one message it belongs to, with who read it when for the hover. */
export interface Receipt {
  label: string;
  detail: string;
}

/** One message: who, when, type and priority, edited/deleted marks, and for one's own, its status. */
export function MessageBubble({
  message,
  timeZone,
  marked = false,
  showSender = true,
  receipt = null,
  onEdit,
  onDelete,
  deliveryLog = false,
}: {
  message: ThreadMessage;
  /** The viewer's time zone and locale (see useDateStyle). */
  timeZone: DateZone;
  /** The message the thread was opened at (a search hit): shown marked. */
  marked?: boolean;
  /** Whether the sender's name goes above it: once per run of messages by the same sender. */
  showSender?: boolean;
  /** Read receipt shown under this message (only under the last one the others have read). */
  receipt?: Receipt | null;
  onEdit: (id: number, body: string) => Promise<unknown>;
  onDelete: (id: number) => Promise<unknown>;
  /** A manager may open the message's delivery log (per recipient and channel). */
  deliveryLog?: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [showDelivery, setShowDelivery] = useState(false);
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
        {!mine && showSender ? (
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
              className={`mb-1 ml-1 inline-block rounded px-1.5 text-xs ${mine ? "bg-black/25 text-white" : "bg-slate-100 text-slate-700"}`}
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
            <>
              <MessageText body={message.body ?? ""} />
              {message.signature && !deleted ? (
                <p className="mt-1 whitespace-pre-wrap border-t border-current/20 pt-1 text-xs opacity-80">
                  {message.signature}
                </p>
              ) : null}
            </>
          )}
        </div>
        {!deleted ? <MessageAttachments files={message.attachments} /> : null}
        <div className="mt-0.5 flex items-center gap-2 px-1 text-xs text-slate-500">
          <time className="whitespace-nowrap" dateTime={new Date(message.createdAt).toISOString()}>
            {clockTime(message.createdAt, timeZone)}
          </time>
          {message.editedAt && !deleted ? <span>Edited</span> : null}
          {message.automatic ? <span className="italic">Automatic reply</span> : null}
          {message.scheduledFor && message.sentAt ? <span>Scheduled</span> : null}
          {receipt ? (
            <span title={receipt.detail}>
              {receipt.label}
              <span className="sr-only"> ({receipt.detail})</span>
            </span>
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
          {deliveryLog && !deleted ? (
            <button
              type="button"
              className="hover:underline"
              aria-expanded={showDelivery}
              aria-controls={`delivery-${message.id}`}
              onClick={() => setShowDelivery((open) => !open)}
            >
              Delivery
            </button>
          ) : null}
        </div>
        {showDelivery ? (
          <section
            id={`delivery-${message.id}`}
            aria-label="Delivery"
            className="mt-1 rounded-lg bg-slate-50 p-2 ring-1 ring-slate-200"
          >
            <DeliveryLog messageId={message.id} />
          </section>
        ) : null}
      </div>
    </li>
  );
}

/**
 * A message on its way; one the policy refused, with the policy's reason in its place; or one that
 * failed on the way (network, server), with a way to try again.
 */
export function PendingBubble({
  pending,
  onRetry,
}: {
  pending: PendingMessage;
  onRetry: () => void;
}) {
  const notSent = pending.state !== "sending";
  return (
    <li className="flex justify-end">
      <div className="flex max-w-[85%] flex-col items-end sm:max-w-[70%]">
        <div
          className={`rounded-2xl px-3 py-2 text-sm shadow-sm ${notSent ? "bg-white text-slate-900 ring-2 ring-red-600" : "bg-brand-600 text-white opacity-70"}`}
        >
          <MessageText body={pending.body} />
        </div>
        <div
          className="mt-0.5 px-1 text-right text-xs text-slate-600"
          role={notSent ? "alert" : "status"}
        >
          {pending.state === "sending" ? (
            "Sending…"
          ) : pending.state === "refused" ? (
            <span className="text-red-800">Not sent: {pending.reason}</span>
          ) : (
            <>
              <span className="text-red-800">{pending.reason ?? "Not sent."}</span>{" "}
              <button
                type="button"
                onClick={onRetry}
                className="font-semibold text-red-800 underline"
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
