export type LeaseStatus = "future" | "active" | "expired";

/**
 * A lease's status derives from its dates, never stored: future before it starts, expired after
 * its last day, active in between (an open-ended lease stays active). `today` is `YYYY-MM-DD`.
 */
export function leaseStatus(
  lease: { starts_on: string; ends_on: string | null },
  today: string,
): LeaseStatus {
  if (lease.starts_on > today) return "future";
  if (lease.ends_on !== null && lease.ends_on < today) return "expired";
  return "active";
}

/** The status that matters for a person with several leases: active beats future beats expired. */
export function bestLeaseStatus(statuses: readonly LeaseStatus[]): LeaseStatus | "none" {
  if (statuses.includes("active")) return "active";
  if (statuses.includes("future")) return "future";
  if (statuses.includes("expired")) return "expired";
  return "none";
}

/** Building a DateTimeFormat costs far more than using one: one per time zone, kept. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date as `YYYY-MM-DD` in `timeZone`. */
export function isoDay(at: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}
