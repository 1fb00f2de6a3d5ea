import { describe, expect, it } from "vitest";
import { formatText } from "./format";
import { parseQuery } from "./query-terms";
import { defaultSettings } from "./settings";
import { damerauLevenshtein, matchWord, typoBudget } from "./word-match";

const typo = defaultSettings().typoTolerance;

describe("emulator word matching", () => {
  it("measures Damerau-Levenshtein distance", () => {
    expect(damerauLevenshtein("permit", "permti")).toBe(1);
    expect(damerauLevenshtein("light", "lights")).toBe(1);
    expect(damerauLevenshtein("kitten", "sitting")).toBe(3);
    expect(damerauLevenshtein("", "abc")).toBe(3);
  });

  it("allows one typo from 5 letters and two from 9", () => {
    expect(typoBudget("fauc", typo)).toBe(0);
    expect(typoBudget("light", typo)).toBe(1);
    expect(typoBudget("constantl", typo)).toBe(2);
    expect(typoBudget("light", { ...typo, enabled: false })).toBe(0);
  });

  it("matches exactly, by prefix, and within the typo budget", () => {
    expect(matchWord("hall", "hallway", true, 0)).toEqual({ typos: 0, matchedLength: 4 });
    expect(matchWord("hall", "hallway", false, 0)).toBeNull();
    expect(matchWord("hallwya", "hallway", false, 1)).toEqual({ typos: 1, matchedLength: 7 });
    expect(matchWord("lights", "light", true, 1)).toEqual({ typos: 1, matchedLength: 5 });
    expect(matchWord("constnatyl", "constantly", false, 2)).toEqual({
      typos: 2,
      matchedLength: 10,
    });
    expect(matchWord("fuacet", "faucet", false, 0)).toBeNull();
    // A first-letter typo costs double on long words.
    expect(matchWord("xonstantyl", "constantly", false, 2)).toBeNull();
  });

  it("parses words, prefix on the last, phrases and exclusions", () => {
    expect(parseQuery("Hallway LIGHT")).toEqual({
      terms: [
        { kind: "word", word: "hallway", prefix: false },
        { kind: "word", word: "light", prefix: true },
      ],
      excluded: [],
    });
    expect(parseQuery("light ").terms).toEqual([{ kind: "word", word: "light", prefix: false }]);
    expect(parseQuery('"hallway light" -kitchen -"hot water"')).toEqual({
      terms: [{ kind: "phrase", words: ["hallway", "light"] }],
      excluded: [
        { kind: "word", word: "kitchen", prefix: false },
        { kind: "phrase", words: ["hot", "water"] },
      ],
    });
    expect(parseQuery("Café").terms).toEqual([{ kind: "word", word: "cafe", prefix: true }]);
    expect(parseQuery("(((").terms).toEqual([]);
  });

  it("highlights and crops by words", () => {
    const options = {
      highlight: true,
      cropLength: null,
      cropMarker: "…",
      preTag: "<",
      postTag: ">",
    };
    expect(formatText("a hallway light", [{ start: 2, end: 6 }], options)).toBe(
      "a <hall>way light",
    );
    const text = "one two three four five six seven eight nine ten";
    const seven = text.indexOf("seven");
    expect(
      formatText(text, [{ start: seven, end: seven + 5 }], { ...options, cropLength: 3 }),
    ).toBe("…six <seven> eight…");
    expect(formatText(text, [], { ...options, cropLength: 2 })).toBe("one two…");
    expect(formatText("short text", [], { ...options, cropLength: 5 })).toBe("short text");
  });
});
