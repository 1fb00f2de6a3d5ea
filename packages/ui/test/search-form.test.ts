import { describe, expect, it } from "vitest";
import { nextDay, startOfDay } from "../src/search/day-range";
import { excerptParts } from "../src/search/highlight";
import { searchInputOf } from "../src/search/search-input";
import { messageHref, searchFormOf, searchHref } from "../src/search/search-params";

describe("a day in the viewer's time zone", () => {
  it("begins at local midnight, in winter and in summer", () => {
    expect(startOfDay("2025-01-15", "America/New_York")?.toISOString()).toBe(
      "2025-01-15T05:00:00.000Z",
    );
    expect(startOfDay("2025-07-15", "America/New_York")?.toISOString()).toBe(
      "2025-07-15T04:00:00.000Z",
    );
    expect(startOfDay("2025-07-15", "Pacific/Kiritimati")?.toISOString()).toBe(
      "2025-07-14T10:00:00.000Z",
    );
    expect(startOfDay("2025-07-15", "UTC")?.toISOString()).toBe("2025-07-15T00:00:00.000Z");
  });

  it("begins with the day's first hour where daylight saving skips midnight", () => {
    // Chile moved its clocks from 24:00 to 01:00 on 8 September 2024.
    expect(startOfDay("2024-09-08", "America/Santiago")?.toISOString()).toBe(
      "2024-09-08T04:00:00.000Z",
    );
    expect(startOfDay("2024-09-09", "America/Santiago")?.toISOString()).toBe(
      "2024-09-09T03:00:00.000Z",
    );
  });

  it("is the 23- or 25-hour day around a daylight-saving change", () => {
    const start = startOfDay("2025-03-09", "America/New_York")!;
    const end = startOfDay(nextDay("2025-03-09"), "America/New_York")!;
    expect(end.getTime() - start.getTime()).toBe(23 * 3_600_000);
  });

  it("refuses what is not a calendar day", () => {
    for (const day of ["2025-02-30", "2025-13-01", "yesterday", "2025-1-5", ""]) {
      expect(startOfDay(day, "UTC")).toBeNull();
    }
    expect(nextDay("2024-02-28")).toBe("2024-02-29");
    expect(nextDay("2025-12-31")).toBe("2026-01-01");
  });
});

describe("the excerpt's marked parts", () => {
  it("cuts the text at the ranges, in order, merging overlaps and clamping to the text", () => {
    expect(
      excerptParts("the leak under the sink", [
        { start: 19, end: 30 },
        { start: 4, end: 8 },
        { start: 6, end: 9 },
      ]),
    ).toEqual([
      { text: "the ", marked: false },
      { text: "leak ", marked: true },
      { text: "under the ", marked: false },
      { text: "sink", marked: true },
    ]);
  });

  it("keeps markup as text and drops empty ranges", () => {
    expect(excerptParts("<b>hi</b>", [{ start: 3, end: 3 }])).toEqual([
      { text: "<b>hi</b>", marked: false },
    ]);
    expect(excerptParts("", [{ start: 0, end: 4 }])).toEqual([]);
  });
});

describe("the search form", () => {
  const form = (query: string) => searchFormOf(new URLSearchParams(query));

  it("reads the URL and writes it back without empty fields", () => {
    const read = form("q=+leak+&type=maintenance&from=&cursor=abc");
    expect(read.q).toBe("leak");
    expect(searchHref(read)).toBe("/search?q=leak&type=maintenance");
    expect(searchHref(read, "next")).toBe("/search?q=leak&type=maintenance&cursor=next");
    expect(searchHref({})).toBe("/search");
    expect(messageHref("/inbox", "c1", 42)).toBe("/inbox/c1?message=42#message-42");
  });

  it("turns days into the instants of the viewer's time zone, the last day included", () => {
    const built = searchInputOf(form("q=leak&from=2025-01-10&to=2025-01-10"), "America/Chicago");
    expect(built.input).toEqual({
      q: "leak",
      from: new Date("2025-01-10T06:00:00.000Z"),
      to: new Date("2025-01-11T06:00:00.000Z"),
    });
  });

  it("says what to fix: an impossible date, days in the wrong order, an unknown choice", () => {
    expect(searchInputOf(form("from=2025-02-30"), "UTC").problems).toEqual({
      from: '"2025-02-30" is not a date. Use a day like 2025-03-31.',
    });
    expect(searchInputOf(form("from=2025-03-02&to=2025-03-01"), "UTC").problems).toEqual({
      to: "The last day comes before the first day.",
    });
    expect(searchInputOf(form("type=memo&priority=urgent&kind=x"), "UTC").problems).toEqual({
      type: "Choose a message type from the list.",
      priority: "Choose a priority from the list.",
      kind: "Choose a kind of conversation from the list.",
    });
  });
});
