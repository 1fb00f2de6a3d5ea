import type { MaintenanceStatus } from "@hearth/db";
import { useDateStyle } from "../dates/date-style";
import { dateTime } from "../messenger/format";
import { maintenanceStatusLabels } from "./status";

export interface HistoryEntry {
  id: number;
  kind: "status" | "shared";
  status: MaintenanceStatus | null;
  authorName: string | null;
  sharedWithName: string | null;
  sharedWithKind: string | null;
  createdAt: Date | string;
}

function describe(entry: HistoryEntry): string {
  if (entry.kind === "shared") {
    const role = entry.sharedWithKind === "service_pro" ? " (service pro)" : "";
    return `Shared with ${entry.sharedWithName ?? "someone"}${role}`;
  }
  return `Marked ${maintenanceStatusLabels[entry.status ?? "new"]}`;
}

/** A request's steps, oldest first: sent, then each status change and share. */
export function RequestHistory({
  submittedAt,
  submittedByName,
  updates,
  timeZone,
}: {
  submittedAt: Date | string;
  submittedByName: string;
  updates: readonly HistoryEntry[];
  timeZone: string;
}) {
  const dates = useDateStyle(timeZone);
  return (
    <ol className="space-y-1.5 border-l-2 border-slate-200 pl-3 text-sm" aria-label="History">
      <li>
        <span className="font-medium text-slate-800">Sent</span>
        <span className="text-slate-500"> by {submittedByName}</span>
        <span className="block text-xs text-slate-500">{dateTime(submittedAt, dates)}</span>
      </li>
      {updates.map((entry) => (
        <li key={entry.id}>
          <span className="font-medium text-slate-800">{describe(entry)}</span>
          {entry.authorName ? <span className="text-slate-500"> by {entry.authorName}</span> : null}
          <span className="block text-xs text-slate-500">{dateTime(entry.createdAt, dates)}</span>
        </li>
      ))}
    </ol>
  );
}
