import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";

/** The API takes at most this many ids at once. */
const MAX_IDS = 500;

/**
 * Tells the API which comments a manager was shown, once the page has shown them: a POST after
 * render, never the page's GET, so following a link cannot take a resident's "Delete" away.
 * Without scripts the manager confirms with a button instead.
 */
export function MarkCommentsSeen({
  commentIds,
  anyUnseen,
}: {
  commentIds: readonly string[];
  anyUnseen: boolean;
}) {
  const fetcher = useFetcher();
  const submit = fetcher.submit;
  const sent = useRef<string | null>(null);
  const key = commentIds.slice(-MAX_IDS).join(",");
  useEffect(() => {
    if (!anyUnseen || key === "" || sent.current === key) return;
    sent.current = key;
    const form = new FormData();
    form.set("intent", "markSeen");
    for (const id of key.split(",")) form.append("commentId", id);
    submit(form, { method: "post" });
  }, [anyUnseen, key, submit]);
  if (!anyUnseen) return null;
  return (
    <noscript>
      <form method="post" className="mt-2">
        <input type="hidden" name="intent" value="markSeen" />
        {commentIds.slice(-MAX_IDS).map((id) => (
          <input key={id} type="hidden" name="commentId" value={id} />
        ))}
        <button type="submit" className="text-sm font-semibold text-brand-700 hover:underline">
          Mark these comments as seen
        </button>
      </form>
    </noscript>
  );
}
