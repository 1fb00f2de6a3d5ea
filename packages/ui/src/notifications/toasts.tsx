/** Pop-ups for messages arriving elsewhere: they fade after about 15 seconds unless dismissed. */
import { Link } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { type FeedItem, itemHref, itemTitle, kindLabels } from "./feed-types";

export const TOAST_MS = 15_000;
const FADE_MS = 1_000;

function Toast({
  item,
  conversationPath,
  onClose,
  onOpen,
}: {
  item: FeedItem;
  conversationPath: string;
  onClose: () => void;
  onOpen: () => void;
}) {
  const [paused, setPaused] = useState(false);
  const [fading, setFading] = useState(false);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    // Hovering or focusing a toast holds it, so nobody has to race the timer to read it.
    if (paused) {
      setFading(false);
      return;
    }
    const fade = setTimeout(() => setFading(true), TOAST_MS - FADE_MS);
    const gone = setTimeout(() => close.current(), TOAST_MS);
    return () => {
      clearTimeout(fade);
      clearTimeout(gone);
    };
  }, [paused]);
  return (
    <li
      data-testid="notification-toast"
      className={`pointer-events-auto w-80 max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white p-4 shadow-lg transition-opacity duration-1000 ${
        fading ? "opacity-0" : "opacity-100"
      }`}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">
        {item.priority === "high" ? "High priority · " : ""}
        {kindLabels[item.kind]}
      </p>
      <p className="mt-1 truncate text-sm font-semibold text-slate-900">{itemTitle(item)}</p>
      <p className="mt-0.5 line-clamp-2 text-sm text-slate-600">{item.excerpt}</p>
      <div className="mt-3 flex gap-3">
        <Link
          to={itemHref(conversationPath, item)}
          onClick={onOpen}
          className="text-sm font-semibold text-brand-700 hover:underline"
        >
          Open conversation
        </Link>
        <button type="button" onClick={onClose} className="text-sm text-slate-600 hover:underline">
          Dismiss<span className="sr-only"> notification from {item.from}</span>
        </button>
      </div>
    </li>
  );
}

export function Toasts({
  items,
  conversationPath,
  onClose,
  onOpen,
}: {
  items: readonly FeedItem[];
  conversationPath: string;
  onClose: (key: string) => void;
  onOpen: (item: FeedItem) => void;
}) {
  return (
    <section
      aria-label="New messages"
      aria-live="polite"
      className="pointer-events-none fixed bottom-4 right-4 z-50"
    >
      <ul className="flex flex-col gap-3">
        {items.map((item) => (
          <Toast
            key={item.key}
            item={item}
            conversationPath={conversationPath}
            onClose={() => onClose(item.key)}
            onOpen={() => {
              onOpen(item);
              onClose(item.key);
            }}
          />
        ))}
      </ul>
    </section>
  );
}
