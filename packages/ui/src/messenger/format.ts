import type { DateStyle } from "../dates/date-style";

/** A time zone name, or a full date style (time zone, locale, the moment to count from). */
export type DateZone = string | DateStyle;

function styleOf(zone: DateZone): DateStyle {
  return typeof zone === "string" ? { timeZone: zone, locale: "en-US" } : zone;
}

/**
 * When an item happened, as a list shows it: "just now" and "5 min ago" within the hour, the time
 * of day today, the date before that.
 */
export function shortTime(date: Date | string, zone: DateZone, now?: Date): string {
  const { timeZone, locale, now: styleNow } = styleOf(zone);
  const d = new Date(date);
  const reference = now ?? styleNow ?? new Date();
  const minutesAgo = Math.floor((reference.getTime() - d.getTime()) / 60_000);
  if (minutesAgo >= 0 && minutesAgo < 60) return relativeMinutes(minutesAgo, locale);
  const sameDay = dayKey(d, timeZone) === dayKey(reference, timeZone);
  return new Intl.DateTimeFormat(
    locale,
    sameDay
      ? { timeZone, hour: "numeric", minute: "2-digit" }
      : { timeZone, month: "short", day: "numeric" },
  ).format(d);
}

/** "now" under a minute, then "5 min ago", in the viewer's language. */
export function relativeMinutes(minutesAgo: number, locale?: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" });
  if (minutesAgo < 1) return format.format(0, "second");
  // English's short style abbreviates with a full stop ("5 min. ago"); people write "5 min ago".
  return format.format(-minutesAgo, "minute").replace("min.", "min");
}

export function clockTime(date: Date | string, zone: DateZone): string {
  const { timeZone, locale } = styleOf(zone);
  return new Intl.DateTimeFormat(locale, { timeZone, hour: "numeric", minute: "2-digit" }).format(
    new Date(date),
  );
}

/** "Nov 22, 2026, 9:05 AM" in the viewer's format: a moment in full, for logs and reports. */
export function dateTime(date: Date | string, zone: DateZone): string {
  const { timeZone, locale } = styleOf(zone);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(date));
}

/** "Nov 22, 2026": the day of a moment, in the viewer's format. */
export function mediumDate(date: Date | string, zone: DateZone): string {
  const { timeZone, locale } = styleOf(zone);
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "medium" }).format(new Date(date));
}

/** A calendar date with no time of day (a lease's start or end, "2026-03-01"), in the viewer's format. */
export function calendarDate(isoDay: string, zone: DateZone): string {
  const { locale } = styleOf(zone);
  const [year, month, day] = isoDay.split("-").map(Number);
  if (!year || !month || !day) return isoDay;
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", dateStyle: "medium" }).format(
    new Date(Date.UTC(year, month - 1, day)),
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

export function dayLabel(date: Date | string, zone: DateZone, now?: Date): string {
  const { timeZone, locale, now: styleNow } = styleOf(zone);
  const reference = now ?? styleNow ?? new Date();
  const key = dayKey(date, timeZone);
  if (key === dayKey(reference, timeZone)) return "Today";
  if (key === dayKey(new Date(reference.getTime() - 86_400_000), timeZone)) return "Yesterday";
  return new Intl.DateTimeFormat(locale, {
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
