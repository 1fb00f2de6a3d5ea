import type { RouterOutputs } from "@hearth/api";
import { channelName } from "@hearth/policies";
import { Link, NavLink, useSearchParams } from "@remix-run/react";
import { useEffect, useMemo, useRef } from "react";
import { PinnedAnnouncements } from "../announcements/pinned-list";
import { useDateStyle } from "../dates/date-style";
import { trpc } from "../trpc";
import { channelChips } from "./channel-chips";
import { channelLabels, kindLabels, shortTime } from "./format";
import { type ListFilter, listFilterOf, listInput, type TeamView } from "./list-filter";
import { usePolicy, useViewerId } from "./viewer";

export type { ListFilter } from "./list-filter";

const teamViewLabels: [TeamView, string][] = [
  ["mine", "Mine"],
  ["unassigned", "Unassigned"],
  ["all", "All"],
  ["closed", "Closed"],
];

const emptyTeamView: Record<TeamView, string> = {
  mine: "Nothing is assigned to you.",
  unassigned: "Every open conversation has someone handling it.",
  all: "No open conversations.",
  closed: "No closed conversations.",
};

type ListOutput = RouterOutputs["conversations"]["list"];
type Channel = ListOutput["rows"][number]["channel"];

/** The inbox filter from the URL, so filters work as plain links. */
export function useListFilter(): ListFilter {
  const [params] = useSearchParams();
  return listFilterOf(params);
}

/**
 * The conversation list: channels (for managers), views (inbox / high priority / archived), each
 * conversation with its last message, time and unread count, a page at a time: the next page
 * loads when the end of the list scrolls into view (or with the button there). Live events
 * refresh every loaded page.
 */
export function ConversationList({
  initial,
  basePath,
  activeId,
  timeZone,
  showChannels,
  newLabel,
}: {
  initial: ListOutput;
  basePath: string;
  activeId?: string | undefined;
  timeZone: string;
  showChannels: boolean;
  newLabel: string;
}) {
  const filter = useListFilter();
  const dates = useDateStyle(timeZone);
  const query = trpc.conversations.list.useInfiniteQuery(listInput(filter), {
    initialData: { pages: [initial], pageParams: [null] },
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: 2_000,
    // The live stream carries only the viewer's own conversations; the team's others are polled.
    refetchInterval: filter.team ? 30_000 : false,
  });
  const pages = query.data?.pages ?? [initial];
  const data = pages[0] ?? initial;
  // A conversation that moved up while pages loaded can come twice; the first one is current.
  const rows = useMemo(() => {
    const seen = new Set<string>();
    return pages
      .flatMap((p) => p.rows)
      .filter((r) => {
        if (seen.has(r.id)) return false;
        seen.add(r.id);
        return true;
      });
  }, [pages]);
  const chips = channelChips(data.channelSummary ?? [], data.channels, filter.channel);
  const { vocabulary, capabilities } = usePolicy();
  const viewerId = useViewerId();
  const handlerLabel = (name: string, id: string | null) =>
    id === viewerId ? "Assigned to you" : `Assigned to ${name}`;
  const sharesTeamInbox = showChannels && capabilities.useTeamInbox?.allowed === true;
  const chipLabel = (channel: Channel) =>
    channel === "announcements" ? channelLabels.announcements : channelName(vocabulary, channel);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = end.current;
    if (!target || !hasNextPage || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const viewLink = (view: string | null, channel = filter.channel) => {
    const params = new URLSearchParams();
    if (view) params.set("view", view);
    if (channel) params.set("channel", channel);
    const search = params.toString();
    return `${basePath}${search ? `?${search}` : ""}`;
  };
  const currentView =
    filter.team ?? (filter.archived ? "archived" : filter.priority === "high" ? "high" : null);
  const views: [string | null, string][] = [
    [null, "Inbox"],
    ...(sharesTeamInbox ? teamViewLabels : []),
    ["high", "High priority"],
    ["archived", "Archived"],
  ];
  const keepView = filter.archived ? "?view=archived" : filter.team ? `?view=${filter.team}` : "";
  return (
    <div className="flex h-full flex-col">
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <h1 className="text-lg font-bold text-slate-900">Messages</h1>
        {data.compose.allowed ? (
          <Link
            to={`${basePath}/new`}
            className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
          >
            {newLabel}
          </Link>
        ) : (
          <span className="text-right text-xs text-slate-500" role="note">
            <button
              type="button"
              disabled
              className="mb-1 block w-full cursor-not-allowed rounded-lg bg-slate-200 px-3 py-1.5 text-sm font-semibold text-slate-500"
              aria-describedby="compose-reason"
            >
              {newLabel}
            </button>
            <span id="compose-reason">{data.compose.reason}</span>
          </span>
        )}
      </div>
      <nav aria-label="Views" className="flex flex-wrap gap-1 px-3 py-2 text-sm">
        {views.map(([view, label]) => (
          <Link
            key={label}
            to={viewLink(view ?? null)}
            aria-current={currentView === view ? "page" : undefined}
            className={`whitespace-nowrap rounded-full px-3 py-1 ${currentView === view ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {label}
          </Link>
        ))}
      </nav>
      {showChannels && !filter.team ? (
        <nav
          aria-label="Channels"
          className="flex gap-1 overflow-x-auto border-b border-slate-200 px-3 pb-2 text-xs"
        >
          <Link
            to={viewLink(currentView, undefined)}
            aria-current={!filter.channel ? "page" : undefined}
            className={`whitespace-nowrap rounded px-2 py-1 ${!filter.channel ? "bg-brand-50 font-semibold text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
          >
            All
          </Link>
          {chips.map(({ channel: c, unread }) => {
            return (
              <Link
                key={c}
                to={viewLink(currentView, c)}
                aria-current={filter.channel === c ? "page" : undefined}
                className={`whitespace-nowrap rounded px-2 py-1 ${filter.channel === c ? "bg-brand-50 font-semibold text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
              >
                {chipLabel(c)}
                {unread ? (
                  <span className="ml-1 rounded-full bg-brand-600 px-1.5 text-white">{unread}</span>
                ) : null}
              </Link>
            );
          })}
        </nav>
      ) : null}
      {filter.team || filter.archived ? null : (
        <PinnedAnnouncements basePath={basePath} timeZone={timeZone} />
      )}
      {rows.length === 0 ? (
        <p className="px-4 py-10 text-center text-sm text-slate-500">
          {filter.team
            ? emptyTeamView[filter.team]
            : filter.archived
              ? "No archived conversations."
              : filter.priority
                ? "No high-priority conversations."
                : filter.channel
                  ? `No conversations in ${chipLabel(filter.channel)}.`
                  : "No conversations yet."}
        </p>
      ) : (
        <div className="flex-1 overflow-y-auto">
          <ul className="divide-y divide-slate-100" aria-label="Conversations">
            {rows.map((row) => (
              <li key={row.id}>
                <NavLink
                  to={`${basePath}/${row.id}${keepView}`}
                  className={`flex items-start gap-3 px-4 py-3 hover:bg-slate-50 ${row.id === activeId ? "bg-brand-50" : ""}`}
                >
                  <div className="min-w-0 flex-1">
                    <div className="flex items-center gap-2">
                      <p
                        className={`truncate text-sm ${row.unread ? "font-bold text-slate-900" : "font-medium text-slate-800"}`}
                      >
                        {row.displayTitle}
                      </p>
                      {row.hasHigh ? (
                        <span className="shrink-0 rounded bg-red-100 px-1.5 text-xs font-semibold text-red-700">
                          High
                        </span>
                      ) : null}
                    </div>
                    <p className="truncate text-xs text-slate-600">
                      {!showChannels || kindLabels[row.kind] === chipLabel(row.channel)
                        ? kindLabels[row.kind]
                        : `${kindLabels[row.kind]} · ${chipLabel(row.channel)}`}
                      {row.closedAt ? " · Closed" : ""}
                      {row.assigneeName
                        ? ` · ${handlerLabel(row.assigneeName, row.assigneeId)}`
                        : ""}
                    </p>
                    <p
                      className={`truncate text-sm ${row.unread ? "text-slate-900" : "text-slate-600"}`}
                    >
                      {row.lastBody ?? "No messages yet"}
                    </p>
                  </div>
                  <div className="flex shrink-0 flex-col items-end gap-1">
                    <time
                      className="whitespace-nowrap text-xs text-slate-600"
                      dateTime={new Date(row.lastMessageAt).toISOString()}
                    >
                      {shortTime(row.lastMessageAt, dates)}
                    </time>
                    {row.unread ? (
                      <span className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white">
                        {row.unread}
                        <span className="sr-only"> unread</span>
                      </span>
                    ) : null}
                  </div>
                </NavLink>
              </li>
            ))}
          </ul>
          {hasNextPage ? (
            <div ref={end} className="px-4 py-3 text-center">
              <button
                type="button"
                onClick={() => void fetchNextPage()}
                disabled={isFetchingNextPage}
                className="rounded-lg px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:text-slate-400"
              >
                {isFetchingNextPage ? "Loading…" : "Load more conversations"}
              </button>
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}
