import type { RouterOutputs } from "@hearth/api";
import { Link } from "@remix-run/react";
import { useState } from "react";
import { deliveryLabel, fromLocalInput, localInputValue } from "./schedule-time";

export type ScheduledMessage = RouterOutputs["scheduled"]["list"][number];

/** What an item shows of a scheduled message or broadcast. */
export interface ScheduledEntry {
  readonly body: string;
  readonly scheduledFor: Date | string;
  readonly to: string;
  readonly refusal: string | null;
}

/**
 * One scheduled message: when it goes (or why it did not), its text, and Edit / Cancel until it
 * goes. `threadPath` links to its conversation (the Scheduled view).
 */
export function ScheduledItem({
  message,
  organizationTimeZone,
  threadPath,
  label = "Scheduled",
  onSave,
  onCancel,
}: {
  message: ScheduledEntry;
  organizationTimeZone: string;
  threadPath?: string | undefined;
  /** What the item is called where it has no conversation to link to. */
  label?: string;
  onSave: (change: { body: string; sendAt: Date }) => Promise<unknown>;
  onCancel: () => Promise<unknown>;
}) {
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(message.body);
  const [when, setWhen] = useState(localInputValue(new Date(message.scheduledFor)));
  const [error, setError] = useState<string | null>(null);
  const sendAt = fromLocalInput(when);
  const run = (action: () => Promise<unknown>) =>
    action().then(
      () => setError(null),
      (e: unknown) => setError(e instanceof Error ? e.message : "That did not work."),
    );

  return (
    <li className="rounded-lg border border-dashed border-brand-300 bg-brand-50/60 p-3 text-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-medium text-slate-800">
          {threadPath ? (
            <Link to={threadPath} className="text-brand-700 hover:underline">
              To {message.to}
            </Link>
          ) : (
            label
          )}
          <span className="ml-2 font-normal text-slate-600">
            {deliveryLabel(message.scheduledFor, organizationTimeZone)}
          </span>
        </p>
        {!editing ? (
          <div className="flex gap-2 text-xs">
            <button
              type="button"
              className="rounded px-2 py-1 text-brand-700 hover:bg-white"
              onClick={() => setEditing(true)}
            >
              Edit
            </button>
            <button
              type="button"
              className="rounded px-2 py-1 text-red-700 hover:bg-white"
              onClick={() => void run(onCancel)}
            >
              Cancel send
            </button>
          </div>
        ) : null}
      </div>
      {message.refusal ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          Not sent: {message.refusal} Choose a new time to try again.
        </p>
      ) : null}
      {editing ? (
        <form
          className="mt-2 space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (!sendAt || !body.trim()) return;
            void run(() => onSave({ body: body.trim(), sendAt })).then(() => setEditing(false));
          }}
        >
          <label className="block text-xs text-slate-600">
            Message
            <textarea
              value={body}
              onChange={(e) => setBody(e.target.value)}
              rows={2}
              maxLength={20_000}
              className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm"
            />
          </label>
          <label className="flex items-center gap-2 text-xs text-slate-600">
            Send at
            <input
              type="datetime-local"
              value={when}
              onChange={(e) => setWhen(e.target.value)}
              className="rounded border border-slate-300 px-1 py-0.5"
            />
          </label>
          <div className="flex gap-2 text-xs">
            <button
              type="submit"
              className="rounded bg-brand-600 px-3 py-1 font-semibold text-white"
            >
              Save
            </button>
            <button type="button" className="rounded px-3 py-1" onClick={() => setEditing(false)}>
              Keep as it was
            </button>
          </div>
        </form>
      ) : (
        <p className="mt-1 whitespace-pre-wrap text-slate-700">{message.body}</p>
      )}
      {error ? <p className="mt-1 text-xs text-red-700">{error}</p> : null}
    </li>
  );
}
