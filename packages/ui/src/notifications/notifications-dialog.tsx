/** The bell's dialog: what is new, newest first, each opening its conversation. */
import { Link } from "@remix-run/react";
import { forwardRef } from "react";
import { useDateStyle } from "../dates/date-style";
import { shortTime } from "../messenger/format";
import { type FeedItem, itemHref, itemTitle, kindLabels } from "./feed-types";

function Item({ item, href, onOpen }: { item: FeedItem; href: string; onOpen: () => void }) {
  return (
    <li>
      <Link
        to={href}
        onClick={onOpen}
        className="block rounded-lg px-3 py-2 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
      >
        <span className="flex items-center justify-between gap-2 text-xs text-slate-500">
          <span className="font-semibold uppercase tracking-wide text-brand-700">
            {item.priority === "high" ? "High priority · " : ""}
            {kindLabels[item.kind]}
            {item.fresh ? (
              <span className="ml-2 rounded bg-red-100 px-1.5 text-red-700">New</span>
            ) : null}
          </span>
          <time dateTime={new Date(item.at).toISOString()}>
            {shortTime(item.at, useDateStyle())}
          </time>
        </span>
        <span className="mt-0.5 block truncate text-sm font-semibold text-slate-900">
          {itemTitle(item)}
        </span>
        <span className="block truncate text-sm text-slate-600">{item.excerpt}</span>
        {item.unread > 1 ? (
          <span className="text-xs text-slate-500">{item.unread} unread</span>
        ) : null}
      </Link>
    </li>
  );
}

export const NotificationsDialog = forwardRef<
  HTMLDialogElement,
  {
    items: readonly FeedItem[];
    conversationPath: string;
    settingsPath: string;
    onClose: () => void;
  }
>(function NotificationsDialog({ items, conversationPath, settingsPath, onClose }, ref) {
  return (
    <dialog
      ref={ref}
      aria-labelledby="notifications-title"
      onClose={onClose}
      className="m-0 ml-auto mt-14 w-[26rem] max-w-[calc(100vw-1rem)] rounded-xl border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/20 md:mr-6"
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
        <h2 id="notifications-title" className="text-base font-semibold text-slate-900">
          Notifications
        </h2>
        <form method="dialog">
          <button
            type="submit"
            className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
          >
            Close
          </button>
        </form>
      </div>
      {items.length === 0 ? (
        <p className="px-4 py-8 text-center text-sm text-slate-600">You're all caught up.</p>
      ) : (
        <ul className="max-h-[60vh] space-y-1 overflow-y-auto p-2">
          {items.map((item) => (
            <Item
              key={item.key}
              item={item}
              href={itemHref(conversationPath, item)}
              onOpen={onClose}
            />
          ))}
        </ul>
      )}
      <div className="border-t border-slate-200 px-4 py-3">
        <Link
          to={settingsPath}
          onClick={onClose}
          className="text-sm font-semibold text-brand-700 hover:underline"
        >
          Notification settings
        </Link>
      </div>
    </dialog>
  );
});
