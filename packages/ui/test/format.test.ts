import { describe, expect, it } from "vitest";
import {
  calendarDate,
  clockTime,
  dayKey,
  dayLabel,
  relativeMinutes,
  shortTime,
} from "../src/messenger/format";

const now = new Date("2026-11-21T15:00:00Z");

describe("message times in the viewer's timezone", () => {
  it("puts a late-evening message on the local day, not the UTC day", () => {
    const lateEvening = new Date("2026-11-21T03:30:00Z"); // 22:30 on the 20th in New York
    expect(dayKey(lateEvening, "America/New_York")).toBe("2026-11-20");
    expect(dayKey(lateEvening, "UTC")).toBe("2026-11-21");
  });

  it("labels today, yesterday and older days", () => {
    expect(dayLabel(new Date("2026-11-21T14:00:00Z"), "UTC", now)).toBe("Today");
    expect(dayLabel(new Date("2026-11-20T09:00:00Z"), "UTC", now)).toBe("Yesterday");
    expect(dayLabel(new Date("2026-11-17T09:00:00Z"), "UTC", now)).toBe("Tuesday, November 17");
  });

  it("shows the time for today and the date for older items", () => {
    expect(shortTime(new Date("2026-11-21T13:05:00Z"), "UTC", now)).toBe("1:05 PM");
    expect(shortTime(new Date("2026-11-02T14:05:00Z"), "UTC", now)).toBe("Nov 2");
  });
});

describe("recent times, relative and in the viewer's language", () => {
  it("says how long ago within the last hour", () => {
    expect(shortTime(new Date("2026-11-21T14:55:00Z"), "UTC", now)).toBe("5 min ago");
    expect(shortTime(new Date("2026-11-21T14:59:40Z"), "UTC", now)).toBe("now");
    expect(shortTime(new Date("2026-11-21T14:01:00Z"), "UTC", now)).toBe("59 min ago");
  });

  it("counts from the style's moment and speaks its locale", () => {
    const style = { timeZone: "Europe/Berlin", locale: "de-DE", now };
    expect(shortTime(new Date("2026-11-21T14:50:00Z"), style)).toBe(relativeMinutes(10, "de-DE"));
    expect(relativeMinutes(10, "de-DE")).toMatch(/10 Min/);
    expect(clockTime(new Date("2026-11-21T14:05:00Z"), style)).toBe("15:05");
    expect(shortTime(new Date("2026-11-02T14:05:00Z"), style)).toBe("2. Nov.");
  });

  it("shows future times (a clock ahead) as a time, not a negative age", () => {
    expect(shortTime(new Date("2026-11-21T15:10:00Z"), "UTC", now)).toBe("3:10 PM");
  });

  it("writes a lease's calendar date in the locale's format, never as ISO", () => {
    expect(calendarDate("2026-03-01", { timeZone: "UTC", locale: "en-US" })).toBe("Mar 1, 2026");
    expect(calendarDate("2026-03-01", { timeZone: "UTC", locale: "en-GB" })).toBe("1 Mar 2026");
    // The day stays the day in a zone west of UTC.
    expect(calendarDate("2026-03-01", { timeZone: "America/Los_Angeles", locale: "en-US" })).toBe(
      "Mar 1, 2026",
    );
  });
});
