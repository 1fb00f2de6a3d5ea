import { describe, expect, it } from "vitest";
import { isQuietAt } from "../src/notifications/quiet-hours";
import { isKnownTimeZone } from "../src/validation";

const at = (iso: string) => new Date(iso);

describe("quiet hours", () => {
  it("cover a window across midnight in the person's time zone, start inclusive, end exclusive", () => {
    const night = { start: "22:00", end: "07:00" };
    // New York is UTC-5 in January.
    expect(isQuietAt(at("2026-01-15T03:00:00Z"), "America/New_York", night)).toBe(true); // 22:00
    expect(isQuietAt(at("2026-01-15T02:59:00Z"), "America/New_York", night)).toBe(false); // 21:59
    expect(isQuietAt(at("2026-01-15T11:59:00Z"), "America/New_York", night)).toBe(true); // 06:59
    expect(isQuietAt(at("2026-01-15T12:00:00Z"), "America/New_York", night)).toBe(false); // 07:00
    expect(isQuietAt(at("2026-01-15T03:00:00Z"), "UTC", night)).toBe(true);
    expect(isQuietAt(at("2026-01-15T12:00:00Z"), "UTC", night)).toBe(false);
  });

  it("cover a window within one day, and none when unset", () => {
    const lunch = { start: "12:00", end: "13:30" };
    expect(isQuietAt(at("2026-06-01T12:45:00Z"), "UTC", lunch)).toBe(true);
    expect(isQuietAt(at("2026-06-01T13:30:00Z"), "UTC", lunch)).toBe(false);
    expect(isQuietAt(at("2026-06-01T12:45:00Z"), "UTC", null)).toBe(false);
  });

  it("know real time zones only", () => {
    expect(isKnownTimeZone("Europe/Berlin")).toBe(true);
    expect(isKnownTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});
