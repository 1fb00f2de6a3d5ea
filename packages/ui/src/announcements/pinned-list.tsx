import { Link } from "@remix-run/react";
import { useDateStyle } from "../dates/date-style";
import { mediumDate } from "../messenger/format";
import { trpc } from "../trpc";

/** The viewer's pinned announcements, above their conversation list, until each pin ends. */
export function PinnedAnnouncements({
  basePath,
  timeZone,
}: {
  basePath: string;
  timeZone: string;
}) {
  const pinned = trpc.conversations.pinned.useQuery(undefined, { staleTime: 10_000 }).data;
  const dates = useDateStyle(timeZone);
  if (!pinned?.length) return null;
  return (
    <section
      aria-labelledby="pinned-heading"
      className="border-b border-amber-200 bg-amber-50 px-4 py-2"
    >
      <h2
        id="pinned-heading"
        className="text-xs font-semibold uppercase tracking-wide text-amber-900"
      >
        Pinned
      </h2>
      <ul className="mt-1 space-y-1">
        {pinned.map((item) => (
          <li key={item.id}>
            <Link
              to={`${basePath}/${item.id}`}
              className="block rounded px-1 py-0.5 text-sm text-slate-900 hover:bg-amber-100"
            >
              <span className="line-clamp-1 font-medium">{item.body ?? item.title}</span>
              <span className="block text-xs text-amber-900">
                {item.title}
                {item.pinnedUntil ? ` · pinned until ${mediumDate(item.pinnedUntil, dates)}` : ""}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
