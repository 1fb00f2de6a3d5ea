/** The README's "rule by profile" section is generated from the profiles; this keeps it current. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { END_MARKER, renderRulesTable, START_MARKER } from "../scripts/rules-table";

/** Ignores table padding, which the formatter adds to the README. */
function normalize(markdown: string): string {
  return markdown
    .trim()
    .split("\n")
    .map((line) =>
      line.startsWith("|")
        ? line
            .split(/(?<!\\)\|/)
            .map((cell) => cell.trim().replace(/^-{3,}$/, "---"))
            .join("|")
        : line.trimEnd(),
    )
    .join("\n");
}

describe("README", () => {
  it("shows the rules table the profiles produce (run `npm run rules-table` after changing a profile)", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const start = readme.indexOf(START_MARKER);
    const end = readme.indexOf(END_MARKER);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    expect(normalize(readme.slice(start + START_MARKER.length, end))).toBe(
      normalize(renderRulesTable()),
    );
  });
});
