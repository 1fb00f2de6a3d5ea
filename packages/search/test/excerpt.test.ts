import { describe, expect, it } from "vitest";
import {
  EXCERPT_LENGTH,
  excerptAround,
  excerptOfMarked,
  MARK_END,
  MARK_START,
} from "../src/excerpt";
import { parseSearchTerms } from "../src/terms";

const mark = (word: string) => `${MARK_START}${word}${MARK_END}`;
const spans = ({
  excerpt,
  highlights,
}: {
  excerpt: string;
  highlights: { start: number; end: number }[];
}) => highlights.map(({ start, end }) => excerpt.slice(start, end));

describe("excerpts", () => {
  it("turns marked text into plain text and ranges, whitespace collapsed", () => {
    const result = excerptOfMarked(`  The ${mark("kitchen")}\n\nfaucet ${mark("drips")}. `);
    expect(result.excerpt).toBe("The kitchen faucet drips.");
    expect(spans(result)).toEqual(["kitchen", "drips"]);
  });

  it("cuts a long body to a window around the first match, ranges shifted", () => {
    const filler = "lorem ipsum dolor sit amet ".repeat(20);
    const result = excerptOfMarked(`${filler}the ${mark("hallway")} light ${filler}`);
    expect(result.excerpt.startsWith("… ")).toBe(true);
    expect(result.excerpt.endsWith(" …")).toBe(true);
    expect(result.excerpt.length).toBeLessThanOrEqual(EXCERPT_LENGTH + 4);
    expect(spans(result)).toEqual(["hallway"]);
  });

  it("finds words inside longer words, case-insensitively, and keeps the start without any", () => {
    expect(spans(excerptAround("The HALLWAY light", ["hall", "light"]))).toEqual(["HALL", "light"]);
    expect(excerptAround("No match here", ["zebra"])).toEqual({
      excerpt: "No match here",
      highlights: [],
    });
    expect(excerptAround("a.b (c) [d]", ["."]).highlights).toEqual([{ start: 1, end: 2 }]);
  });
});

describe("search terms", () => {
  it("reads words, quoted phrases, exclusions, and ignores OR", () => {
    expect(parseSearchTerms(`Hallway, "Light  on" -faucet -"kitchen sink" or drips!`)).toEqual({
      include: ["hallway", "light on", "drips"],
      exclude: ["faucet", "kitchen sink"],
    });
    expect(parseSearchTerms(`- "" '`)).toEqual({ include: [], exclude: [] });
  });
});
