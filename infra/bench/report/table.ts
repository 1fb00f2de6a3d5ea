import type { Row } from "./rows";

const COLUMNS: [keyof Row, string][] = [
  ["path", "path"],
  ["load", "load"],
  ["product", "product"],
  ["bare", "bare, same run"],
  ["ratio", "vs bare"],
  ["goal", "goal"],
  ["met", "met"],
];

/** The rows as a Markdown table, padded so it also reads as plain text. */
export function formatTable(rows: readonly Row[]): string {
  const widths = COLUMNS.map(([key, title]) =>
    Math.max(title.length, ...rows.map((row) => String(row[key]).length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [
    line(COLUMNS.map(([, title]) => title)),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map((row) => line(COLUMNS.map(([key]) => String(row[key])))),
  ].join("\n");
}
