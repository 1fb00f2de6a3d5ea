import { describe, expect, it } from "vitest";
import type { Document } from "./document-values";
import { matchesFilter } from "./filter-eval";
import { parseFilter } from "./filter-parser";

const doc: Document = {
  id: 1,
  organizationId: "org-A",
  participantIds: ["u-1", "u-2"],
  senderId: null,
  type: "Maintenance",
  title: "Café",
  createdAt: 1_000,
  tags: [],
  nested: { level: 3 },
  flag: true,
};

function matches(filter: string, target: Document = doc): boolean {
  const node = parseFilter(filter);
  if (!node) throw new Error("blank filter");
  return matchesFilter(node, target);
}

describe("emulator filter matching", () => {
  it("compares strings case- and accent-insensitively, numbers as numbers", () => {
    expect(matches('type = "maintenance"')).toBe(true);
    expect(matches("title = cafe")).toBe(true);
    expect(matches("organizationId = org-B")).toBe(false);
    expect(matches("createdAt = 1000.0")).toBe(true);
    expect(matches("createdAt = '1000'")).toBe(true);
    expect(matches("flag = true")).toBe(true);
  });

  it("matches an array when any element matches", () => {
    expect(matches('participantIds = "u-2"')).toBe(true);
    expect(matches('participantIds = "u-3"')).toBe(false);
    expect(matches("participantIds IN [u-9, u-1]")).toBe(true);
    expect(matches("participantIds != u-1")).toBe(false);
  });

  it("ranges compare numbers, TO inclusive at both ends", () => {
    expect(matches("createdAt < 1000")).toBe(false);
    expect(matches("createdAt <= 1000")).toBe(true);
    expect(matches("createdAt > 999")).toBe(true);
    expect(matches("createdAt >= 1001")).toBe(false);
    expect(matches("createdAt 1000 TO 1000")).toBe(true);
    expect(matches("createdAt 1001 TO 2000")).toBe(false);
    expect(() => matches("createdAt > abc")).toThrow(/not a valid number/);
    expect(matches("type > 1")).toBe(false);
  });

  it("!= and NOT also match documents without the attribute; null matches no value", () => {
    expect(matches("missing != x")).toBe(true);
    expect(matches("NOT missing = x")).toBe(true);
    expect(matches("missing = x")).toBe(false);
    expect(matches("senderId = null")).toBe(false);
    expect(matches("senderId IS NULL")).toBe(true);
    expect(matches("senderId EXISTS")).toBe(true);
    expect(matches("missing EXISTS")).toBe(false);
    expect(matches("tags IS EMPTY")).toBe(true);
    expect(matches("nested.level = 3")).toBe(true);
  });

  it("combines with AND, OR, NOT and parentheses", () => {
    expect(matches('organizationId = "org-A" AND (senderId = u-1 OR participantIds = u-1)')).toBe(
      true,
    );
    expect(matches('organizationId = "org-B" OR participantIds = u-2 AND createdAt < 0')).toBe(
      false,
    );
    expect(matches("NOT (organizationId = org-B OR createdAt < 0)")).toBe(true);
  });

  it("keyset cursor expression: strictly before (at, id)", () => {
    const at = (createdAt: number, id: number) =>
      matches("(createdAt < 1000 OR (createdAt = 1000 AND id < 5))", { ...doc, createdAt, id });
    expect(at(999, 9)).toBe(true);
    expect(at(1000, 4)).toBe(true);
    expect(at(1000, 5)).toBe(false);
    expect(at(1001, 1)).toBe(false);
  });
});
