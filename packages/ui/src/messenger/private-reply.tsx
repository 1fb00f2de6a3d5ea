import { useNavigate } from "@remix-run/react";
import { useState } from "react";
import { trpc } from "../trpc";

const newClientId = () => globalThis.crypto.randomUUID();

/**
 * Under an announcement, for a recipient where replies are allowed: the answer opens a private
 * conversation with the managers (the other recipients never see it), which then opens.
 */
export function PrivateReply({
  announcementId,
  note,
  backTo,
}: {
  announcementId: string;
  /** The policy's sentence on where the answer goes. */
  note: string;
  backTo: string;
}) {
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const [body, setBody] = useState("");
  const [clientId, setClientId] = useState(newClientId);
  const send = trpc.broadcasts.replyPrivately.useMutation({
    onSuccess: async ({ conversationId }) => {
      setBody("");
      setClientId(newClientId());
      await utils.conversations.list.invalidate();
      navigate(`${backTo}/${conversationId}`);
    },
  });
  return (
    <form
      className="space-y-2 border-t border-slate-200 bg-white px-4 py-3"
      aria-label="Reply privately"
      onSubmit={(event) => {
        event.preventDefault();
        if (body.trim()) send.mutate({ conversationId: announcementId, clientId, body });
      }}
    >
      <label htmlFor="private-reply" className="block text-sm text-slate-600">
        {note}
      </label>
      <div className="flex gap-2">
        <textarea
          id="private-reply"
          rows={2}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          className="block min-w-0 flex-1 rounded-lg border border-slate-300 px-3 py-2 text-sm"
        />
        <button
          type="submit"
          disabled={send.isPending || !body.trim()}
          className="self-end rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:bg-slate-300"
        >
          Reply privately
        </button>
      </div>
      {send.error ? (
        <p role="alert" className="text-sm text-red-700">
          {send.error.message}
        </p>
      ) : null}
    </form>
  );
}
