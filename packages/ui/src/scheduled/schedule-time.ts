/** The viewer's own time zone, as the browser knows it. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "Mon, Nov 23, 9:00 AM" in `timeZone`. */
export function deliveryTime(date: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(date));
}

/**
 * When a message goes, in the viewer's time and, when it differs, the organization's:
 * "Mon, Nov 23, 9:00 AM (your time) · 8:00 AM in America/Chicago".
 */
export function deliveryLabel(date: Date | string, organizationTimeZone: string): string {
  const mine = viewerTimeZone();
  const own = deliveryTime(date, mine);
  if (mine === organizationTimeZone) return own;
  const theirs = new Intl.DateTimeFormat("en-US", {
    timeZone: organizationTimeZone,
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(date));
  return `${own} (your time) · ${theirs} in ${organizationTimeZone.replaceAll("_", " ")}`;
}

/** A `datetime-local` value ("2026-11-23T09:00") for an instant, in the viewer's time zone. */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

/** The instant a `datetime-local` value means in the viewer's time zone; null when incomplete. */
export function fromLocalInput(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
