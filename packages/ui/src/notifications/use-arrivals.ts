/** Tells which feed items are new since the last look, ignoring what was there on first load. */
import { useEffect, useRef } from "react";
import type { FeedItem } from "./feed-types";

const identity = (item: FeedItem) => `${item.key}:${item.messageId ?? ""}`;

export function useArrivals(
  items: readonly FeedItem[] | undefined,
  onArrival: (item: FeedItem) => void,
) {
  const known = useRef<Set<string> | null>(null);
  const callback = useRef(onArrival);
  callback.current = onArrival;
  useEffect(() => {
    if (!items) return;
    const previous = known.current;
    known.current = new Set(items.map(identity));
    if (!previous) return;
    for (const item of items) if (!previous.has(identity(item))) callback.current(item);
  }, [items]);
}
