/** Time of day, or the date for older items, in the viewer's timezone. */
export function shortTime(date: Date | string, timeZone: string, now = new Date()): string {
  const d = new Date(date);
  const sameDay = dayKey(d, timeZone) === dayKey(now, timeZone);
  return new Intl.DateTimeFormat(
    "en-US",
    sameDay
      ? { timeZone, hour: "numeric", minute: "2-digit" }
      : { timeZone, month: "short", day: "numeric" },
  ).format(d);
}

export function clockTime(date: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit" }).format(
    new Date(date),
  );
}

/** "YYYY-MM-DD" of the instant in `timeZone`, for day separators. */
export function dayKey(date: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(date));
}

export function dayLabel(date: Date | string, timeZone: string, now = new Date()): string {
  const key = dayKey(date, timeZone);
  if (key === dayKey(now, timeZone)) return "Today";
  if (key === dayKey(new Date(now.getTime() - 86_400_000), timeZone)) return "Yesterday";
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "long",
    month: "long",
    day: "numeric",
  }).format(new Date(date));
}

export const messageTypeLabels = {
  general: "General",
  maintenance: "Maintenance",
  payment_reminder: "Payment reminder",
  lease: "Lease",
  event: "Event",
  document_request: "Document request",
} as const;

export const kindLabels = {
  direct: "Direct",
  unit_group: "Unit group",
  team: "Team",
  maintenance: "Maintenance request",
  broadcast: "Announcement",
} as const;

export const channelLabels = {
  team: "Team",
  tenants: "Tenants",
  service_pros: "Service Pros",
  owners: "Owners",
  maintenance: "Maintenance Requests",
  announcements: "Announcements",
} as const;
