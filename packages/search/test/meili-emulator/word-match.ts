/**
 * Matching one query word against one word of a document: exactly, as a prefix (the last
 * query word), or with typos (Damerau-Levenshtein: insertion, deletion, substitution and
 * transposition each count one), within the budget the typo-tolerance settings allow.
 */
import type { TypoToleranceSettings } from "./settings";

/** Edit distance with adjacent transpositions (optimal string alignment), over code points. */
export function damerauLevenshtein(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const rows: number[][] = [];
  for (let i = 0; i <= x.length; i++)
    rows.push(Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (rows[x.length] as number[])[y.length] as number;
}

/** How many typos a query word may carry. */
export function typoBudget(word: string, settings: TypoToleranceSettings): number {
  if (!settings.enabled) return 0;
  if (settings.disableOnWords.some((w) => w.toLowerCase() === word)) return 0;
  if (settings.disableOnNumbers && /^\p{N}+$/u.test(word)) return 0;
  const length = Array.from(word).length;
  if (length >= settings.minWordSizeForTypos.twoTypos) return 2;
  if (length >= settings.minWordSizeForTypos.oneTypo) return 1;
  return 0;
}

export interface WordMatch {
  typos: number;
  /** Code points of the document word that matched (all of it, or the prefix matched). */
  matchedLength: number;
}

/**
 * `query` against the document word `token` (both normalized). A word with a two-typo budget
 * that differs in its first letter gets only one, as Meilisearch counts a first-letter typo double.
 */
export function matchWord(
  query: string,
  token: string,
  prefix: boolean,
  budget: number,
): WordMatch | null {
  const q = Array.from(query);
  const t = Array.from(token);
  const allowed = (candidate: string[]) => (budget === 2 && candidate[0] !== q[0] ? 1 : budget);
  if (!prefix) {
    if (query === token) return { typos: 0, matchedLength: t.length };
    if (budget === 0 || Math.abs(q.length - t.length) > budget) return null;
    const typos = damerauLevenshtein(query, token);
    return typos <= allowed(t) ? { typos, matchedLength: t.length } : null;
  }
  if (token.startsWith(query)) return { typos: 0, matchedLength: q.length };
  if (budget === 0) return null;
  let best: WordMatch | null = null;
  for (
    let length = Math.max(1, q.length - budget);
    length <= Math.min(t.length, q.length + budget);
    length++
  ) {
    const candidate = t.slice(0, length);
    const typos = damerauLevenshtein(query, candidate.join(""));
    if (typos <= allowed(candidate) && (best === null || typos < best.typos)) {
      // A typo match highlights the whole word, as Meilisearch does.
      best = { typos, matchedLength: t.length };
    }
  }
  return best;
}
