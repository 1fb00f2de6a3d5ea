import { dayKey } from "../messenger/format";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR = 3_600_000;

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wallClock = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return wallClock - (instant - (instant % 1000));
}

/** Midnight UTC of a "YYYY-MM-DD" calendar day, or null when it is not one (2024-02-30). */
function utcMidnight(day: string): number | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const midnight = Date.UTC(year, month - 1, date);
  const check = new Date(midnight);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) return null;
  if (check.getUTCDate() !== date) return null;
  return midnight;
}

/**
 * The instant a calendar day begins in `timeZone`; null when `day` is not a "YYYY-MM-DD" date.
 * Where a daylight-saving change skips midnight, the day begins when the skipped hour ends.
 */
export function startOfDay(day: string, timeZone: string): Date | null {
  const midnight = utcMidnight(day);
  if (midnight === null) return null;
  const first = midnight - offsetAt(midnight, timeZone);
  const second = midnight - offsetAt(first, timeZone);
  const candidates = [first, second, first + HOUR, second + HOUR].filter(
    (instant) => dayKey(new Date(instant), timeZone) === day,
  );
  return candidates.length ? new Date(Math.min(...candidates)) : null;
}

/** The calendar day after `day` ("YYYY-MM-DD"). */
export function nextDay(day: string): string {
  const midnight = utcMidnight(day);
  if (midnight === null) throw new Error(`not a day: ${day}`);
  return new Date(midnight + 24 * HOUR).toISOString().slice(0, 10);
}
