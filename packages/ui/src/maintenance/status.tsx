import type { MaintenanceStatus, Priority } from "@hearth/db";

/** How each status reads, in the order a request moves through them. */
export const maintenanceStatusLabels: Record<MaintenanceStatus, string> = {
  new: "New",
  in_progress: "In progress",
  waiting: "Waiting",
  done: "Done",
};

/** Narrows text from a form or an address to a status. */
export function isMaintenanceStatus(value: unknown): value is MaintenanceStatus {
  return typeof value === "string" && Object.hasOwn(maintenanceStatusLabels, value);
}

const statusStyles: Record<MaintenanceStatus, string> = {
  new: "bg-amber-100 text-amber-900",
  in_progress: "bg-brand-50 text-brand-700",
  waiting: "bg-violet-100 text-violet-800",
  done: "bg-emerald-100 text-emerald-800",
};

export function StatusBadge({ status }: { status: MaintenanceStatus }) {
  return (
    <span
      className={`inline-block shrink-0 rounded px-2 py-0.5 text-xs font-medium ${statusStyles[status]}`}
    >
      {maintenanceStatusLabels[status]}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  if (priority !== "high") return <span className="text-xs text-slate-500">Normal</span>;
  return (
    <span className="inline-block rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">
      High
    </span>
  );
}

/** "3 d", "5 h", "12 min": how long a request has been waiting, as a list shows it. */
export function ageOf(since: Date | string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}
