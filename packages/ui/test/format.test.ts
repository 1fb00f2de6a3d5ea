import { describe, expect, it } from "vitest";
import { dayKey, dayLabel, shortTime } from "../src/messenger/format";

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
    expect(shortTime(new Date("2026-11-21T14:05:00Z"), "UTC", now)).toBe("2:05 PM");
    expect(shortTime(new Date("2026-11-02T14:05:00Z"), "UTC", now)).toBe("Nov 2");
  });
});
