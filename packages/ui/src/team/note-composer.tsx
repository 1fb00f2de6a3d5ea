import { useState } from "react";
import { sendFailureOf } from "../messenger/send-failure";
import { usePolicy } from "../messenger/viewer";
import { trpc } from "../trpc";

function newClientId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * Writes an internal note. What was typed stays in the box until the note is stored; a failed
 * save keeps it, with the reason, and the same client id, so a retry never writes it twice.
 */
export function NoteComposer({
  conversationId,
  onTyping,
}: {
  conversationId: string;
  onTyping: () => void;
}) {
  const utils = trpc.useUtils();
  const { vocabulary } = usePolicy();
  const [body, setBody] = useState("");
  const [clientId, setClientId] = useState(newClientId);
  const [error, setError] = useState<string | null>(null);
  const add = trpc.team.addNote.useMutation({
    onSuccess: async () => {
      setBody("");
      setClientId(newClientId());
      setError(null);
      await utils.team.notes.invalidate({ id: conversationId });
    },
    onError: (failure) => setError(sendFailureOf(failure).reason),
  });
  const submit = () => {
    if (body.trim() === "" || add.isPending) return;
    add.mutate({ conversationId, clientId, body });
  };
  return (
    <form
      aria-label="Internal note"
      className="border-t border-amber-300 bg-amber-50 p-3 dark:bg-amber-950"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor="note-body" className="sr-only">
        Internal note
      </label>
      <textarea
        id="note-body"
        value={body}
        rows={2}
        onChange={(event) => {
          setBody(event.target.value);
          onTyping();
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey) {
            event.preventDefault();
            submit();
          }
        }}
        placeholder="A note for your team"
        className="block w-full resize-none rounded-lg border border-amber-300 bg-white px-3 py-2 text-sm text-slate-900"
      />
      <div className="mt-2 flex items-center justify-between gap-3">
        <p className="text-xs text-amber-900 dark:text-amber-100">
          Only your team sees notes; {vocabulary.resident.many} never do.
        </p>
        <button
          type="submit"
          disabled={add.isPending || body.trim() === ""}
          className="shrink-0 whitespace-nowrap rounded-lg bg-amber-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-amber-800 disabled:bg-amber-300"
        >
          {add.isPending ? "Saving…" : "Add note"}
        </button>
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          Not saved: {error}
        </p>
      ) : null}
    </form>
  );
}
