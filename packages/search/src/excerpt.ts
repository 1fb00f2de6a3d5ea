/**
 * Excerpts with highlight ranges. Engines mark matches with two private-use characters (never
 * HTML, so a body can't inject markup); these helpers turn marked text into plain text + ranges
 * and cut it down to a window around the first match.
 */
import type { HighlightRange } from "./port";

/** Opens a highlighted span in marked text. */
export const MARK_START = "\uE000";
/** Closes a highlighted span in marked text. */
export const MARK_END = "\uE001";
/** Longest excerpt, in characters, before the ellipses. */
export const EXCERPT_LENGTH = 200;

export interface Excerpt {
  excerpt: string;
  highlights: HighlightRange[];
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Marked text as plain text + ranges, whole. */
function unmark(marked: string): Excerpt {
  const highlights: HighlightRange[] = [];
  let excerpt = "";
  let openedAt: number | null = null;
  const close = () => {
    if (openedAt !== null && excerpt.length > openedAt) {
      highlights.push({ start: openedAt, end: excerpt.length });
    }
    openedAt = null;
  };
  for (const char of collapseWhitespace(marked)) {
    if (char === MARK_START) openedAt ??= excerpt.length;
    else if (char === MARK_END) close();
    else excerpt += char;
  }
  close();
  return { excerpt, highlights };
}

/** At most {@link EXCERPT_LENGTH} characters of `full`, cut at spaces, around its first highlight. */
function crop(full: Excerpt): Excerpt {
  const { excerpt: text, highlights } = full;
  if (text.length <= EXCERPT_LENGTH) return full;
  const first = highlights[0]?.start ?? 0;
  let start = 0;
  if (first > EXCERPT_LENGTH / 2) {
    start = Math.min(first - Math.floor(EXCERPT_LENGTH / 3), text.length - EXCERPT_LENGTH);
    const space = text.indexOf(" ", start);
    if (space !== -1 && space < first) start = space + 1;
  }
  let end = Math.min(text.length, start + EXCERPT_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start) end = space;
  }
  const prefix = start > 0 ? "… " : "";
  const shift = prefix.length - start;
  return {
    excerpt: `${prefix}${text.slice(start, end)}${end < text.length ? " …" : ""}`,
    highlights: highlights
      .filter((range) => range.start >= start && range.end <= end)
      .map((range) => ({ start: range.start + shift, end: range.end + shift })),
  };
}

/** An excerpt of text marked with {@link MARK_START} / {@link MARK_END}. */
export function excerptOfMarked(marked: string): Excerpt {
  return crop(unmark(marked));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * An excerpt of `body` around the first place one of `words` occurs (case-insensitive, also
 * inside longer words), every occurrence highlighted; the beginning of the body when none does.
 */
export function excerptAround(body: string, words: string[]): Excerpt {
  const text = collapseWhitespace(body);
  const highlights: HighlightRange[] = [];
  if (words.length > 0) {
    const longestFirst = [...words].sort((a, b) => b.length - a.length).map(escapeRegExp);
    for (const match of text.matchAll(new RegExp(longestFirst.join("|"), "giu"))) {
      highlights.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return crop({ excerpt: text, highlights });
}
