import { Link } from "@remix-run/react";
import { useEffect } from "react";

/**
 * Brings the message a thread was opened at (`?message=<id>`) into view once it is on the page.
 * Without JavaScript the link's `#message-<id>` fragment does the same.
 */
export function useScrollToMessage(messageId: number | null, rendered: boolean): void {
  useEffect(() => {
    if (messageId === null || !rendered) return;
    document.getElementById(`message-${messageId}`)?.scrollIntoView({ block: "center" });
  }, [messageId, rendered]);
}

/**
 * Below a thread opened at an older message: newer messages follow beyond this page. Reading on
 * opens the thread at the page's newest message; the latest is the thread as usual.
 */
export function NewerMessagesBar({
  threadPath,
  newerCursor,
}: {
  threadPath: string;
  newerCursor: number;
}) {
  return (
    <nav
      aria-label="Newer messages"
      className="mt-3 flex flex-wrap items-center justify-center gap-2 text-xs"
    >
      <Link
        to={`${threadPath}?message=${newerCursor}#message-${newerCursor}`}
        className="rounded-full px-3 py-1 text-brand-700 ring-1 ring-slate-300 hover:bg-white"
      >
        Show newer messages
      </Link>
      <Link
        to={threadPath}
        className="rounded-full px-3 py-1 text-brand-700 ring-1 ring-slate-300 hover:bg-white"
      >
        Jump to the latest
      </Link>
    </nav>
  );
}
