/** A part of an excerpt, marked when the search matched it. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * The excerpt cut at the highlighted ranges (UTF-16 offsets). Ranges are clamped to the text,
 * sorted and merged where they touch, so any list the engine sends renders as plain marked text.
 */
export function excerptParts(
  excerpt: string,
  highlights: readonly { start: number; end: number }[],
): ExcerptPart[] {
  const ranges = highlights
    .map(({ start, end }) => ({
      start: Math.max(0, Math.min(start, excerpt.length)),
      end: Math.max(0, Math.min(end, excerpt.length)),
    }))
    .filter(({ start, end }) => end > start)
    .sort((a, b) => a.start - b.start);
  const parts: ExcerptPart[] = [];
  let at = 0;
  for (const range of ranges) {
    const start = Math.max(range.start, at);
    if (range.end <= start) continue;
    if (start > at) parts.push({ text: excerpt.slice(at, start), marked: false });
    const last = parts.at(-1);
    if (last?.marked && start === at) last.text += excerpt.slice(start, range.end);
    else parts.push({ text: excerpt.slice(start, range.end), marked: true });
    at = range.end;
  }
  if (at < excerpt.length) parts.push({ text: excerpt.slice(at), marked: false });
  return parts;
}
