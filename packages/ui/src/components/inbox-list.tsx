import type { RouterOutputs } from "@hearth/api";
import { EmptyState } from "./shell";

type InboxRow = RouterOutputs["inbox"]["list"][number];

const kindLabels: Record<InboxRow["kind"], string> = {
  direct: "Direct",
  unit_group: "Unit group",
  team: "Team",
  maintenance: "Maintenance request",
  broadcast: "Announcement",
};

function when(date: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(date));
}

/** Conversations by last activity with their unread counts. */
export function InboxList({ rows, timeZone }: { rows: InboxRow[]; timeZone: string }) {
  if (rows.length === 0)
    return <EmptyState title="No conversations yet">New messages will appear here.</EmptyState>;
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      {rows.map((row) => (
        <li key={row.id} className="flex items-start gap-3 px-4 py-3">
          <div className="min-w-0 flex-1">
            <div className="flex items-center gap-2">
              <p
                className={`truncate text-sm ${row.unread ? "font-bold text-slate-900" : "font-medium text-slate-800"}`}
              >
                {row.title ?? (row.others.join(", ") || "Conversation")}
              </p>
              <span className="shrink-0 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
                {kindLabels[row.kind]}
              </span>
            </div>
            <p className="truncate text-sm text-slate-600">{row.lastBody ?? "No messages yet"}</p>
          </div>
          <div className="flex shrink-0 flex-col items-end gap-1">
            <time
              className="text-xs text-slate-500"
              dateTime={new Date(row.lastMessageAt).toISOString()}
            >
              {when(row.lastMessageAt, timeZone)}
            </time>
            {row.unread ? (
              <span className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white">
                {row.unread} unread
              </span>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
