/** Business hours in an organization's time zone: open or closed, and which closed period. */
import type { BusinessHours } from "@hearth/db";

export interface OpeningTimes {
  hours: BusinessHours | null;
  /** ISO days closed all day. */
  holidays: readonly string[];
  timeZone: string;
}

interface LocalMoment {
  day: string;
  weekday: number;
  minutes: number;
}

const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function localMoment(at: Date, timeZone: string): LocalMoment {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    day: `${part("year")}-${part("month")}-${part("day")}`,
    weekday: weekdays.indexOf(part("weekday")),
    minutes: Number(part("hour")) * 60 + Number(part("minute")),
  };
}

function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function opensOn(times: OpeningTimes, moment: Pick<LocalMoment, "day" | "weekday">): boolean {
  return (
    (times.hours?.days.includes(moment.weekday) ?? false) && !times.holidays.includes(moment.day)
  );
}

/** Whether `at` falls outside the hours (always, when none are set). */
export function isOutsideBusinessHours(times: OpeningTimes, at: Date): boolean {
  if (!times.hours) return true;
  const now = localMoment(at, times.timeZone);
  return !(
    opensOn(times, now) &&
    now.minutes >= minutesOf(times.hours.opens) &&
    now.minutes < minutesOf(times.hours.closes)
  );
}

/**
 * A name for the closed period `at` falls in, the same for every moment of it: the day the
 * organization last closed ("closed-after:2026-11-20" from Friday's closing to Monday's opening).
 */
export function closedPeriodOf(times: OpeningTimes, at: Date): string {
  const now = localMoment(at, times.timeZone);
  if (times.hours && opensOn(times, now) && now.minutes >= minutesOf(times.hours.closes))
    return `closed-after:${now.day}`;
  for (let back = 1; back <= 31; back++) {
    const earlier = localMoment(new Date(at.getTime() - back * 86_400_000), times.timeZone);
    if (opensOn(times, earlier)) return `closed-after:${earlier.day}`;
  }
  return "closed";
}
