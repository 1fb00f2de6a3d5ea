/**
 * `_formatted` values: a string attribute cropped to `cropLength` words around its first match
 * (with `cropMarker` where text was cut) and its matches wrapped in the highlight tags.
 */

import { tokenize } from "./text";
import type { MatchRange } from "./text-match";

export interface FormatOptions {
  highlight: boolean;
  /** Words to keep; null to keep the whole text. */
  cropLength: number | null;
  cropMarker: string;
  preTag: string;
  postTag: string;
}

function merge(ranges: MatchRange[]): MatchRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: MatchRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

function cropWindow(
  text: string,
  ranges: MatchRange[],
  words: number,
): { start: number; end: number } {
  const tokens = tokenize(text);
  if (tokens.length <= words) return { start: 0, end: text.length };
  const firstMatch = ranges[0];
  const matchIndex = firstMatch
    ? Math.max(
        0,
        tokens.findIndex((t) => t.end > firstMatch.start),
      )
    : 0;
  const first = firstMatch
    ? Math.max(0, Math.min(matchIndex - Math.floor((words - 1) / 2), tokens.length - words))
    : 0;
  const last = first + words - 1;
  return {
    start: first === 0 ? 0 : (tokens[first]?.start ?? 0),
    end: last >= tokens.length - 1 ? text.length : (tokens[last]?.end ?? text.length),
  };
}

export function formatText(text: string, ranges: MatchRange[], options: FormatOptions): string {
  const matches = merge(ranges);
  const window =
    options.cropLength === null
      ? { start: 0, end: text.length }
      : cropWindow(text, matches, options.cropLength);
  let out = window.start > 0 ? options.cropMarker : "";
  let at = window.start;
  if (options.highlight) {
    for (const range of matches) {
      if (range.start < window.start || range.end > window.end) continue;
      out +=
        text.slice(at, range.start) +
        options.preTag +
        text.slice(range.start, range.end) +
        options.postTag;
      at = range.end;
    }
  }
  out += text.slice(at, window.end);
  if (window.end < text.length) out += options.cropMarker;
  return out;
}
