/**
 * How the emulator reads text: words are runs of letters and digits, compared case- and
 * accent-insensitively, as Meilisearch's tokenizer does for Latin scripts.
 */

export interface WordToken {
  /** Lower-cased, accents removed. */
  word: string;
  /** UTF-16 offsets of the word in the original text. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function normalizeWord(word: string): string {
  return word
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

export function tokenize(text: string): WordToken[] {
  return [...text.matchAll(WORD)].map((match) => ({
    word: normalizeWord(match[0]),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** How filters compare strings: trimmed, case- and accent-insensitive. */
export function normalizeFacet(value: string): string {
  return normalizeWord(value.trim());
}
