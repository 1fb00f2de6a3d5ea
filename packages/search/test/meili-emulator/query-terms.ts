/**
 * The `q` parameter as Meilisearch reads it: words (the last one a prefix unless the query ends
 * with a separator), `"quoted phrases"` matched word for word without typos, and `-word` or
 * `-"phrase"` excluded. Only the first 10 words count.
 */
import { tokenize } from "./text";

export type QueryTerm =
  | { kind: "word"; word: string; prefix: boolean }
  | { kind: "phrase"; words: string[] };

export interface ParsedQuery {
  terms: QueryTerm[];
  excluded: QueryTerm[];
}

const MAX_WORDS = 10;
const PART = /(-?)"([^"]*)"?|(\S+)/g;

export function parseQuery(q: string): ParsedQuery {
  const parsed: ParsedQuery = { terms: [], excluded: [] };
  let lastWordEnd = -1;
  let lastWord: { kind: "word"; word: string; prefix: boolean } | null = null;
  let count = 0;
  for (const match of q.matchAll(PART)) {
    const [, minus, phrase, plain] = match;
    if (phrase !== undefined) {
      const words = tokenize(phrase).map((token) => token.word);
      if (words.length === 0) continue;
      const term: QueryTerm =
        words.length === 1
          ? { kind: "word", word: words[0] ?? "", prefix: false }
          : { kind: "phrase", words };
      (minus === "-" ? parsed.excluded : parsed.terms).push(term);
      continue;
    }
    const raw = plain ?? "";
    const negated = raw.startsWith("-") && raw.length > 1;
    const tokens = tokenize(raw);
    for (const token of tokens) {
      const term = { kind: "word" as const, word: token.word, prefix: false };
      if (negated) {
        parsed.excluded.push(term);
        continue;
      }
      if (count >= MAX_WORDS) continue;
      count++;
      parsed.terms.push(term);
      lastWord = term;
      lastWordEnd = match.index + token.end;
    }
  }
  const lastTerm = parsed.terms[parsed.terms.length - 1];
  if (lastWord && lastTerm === lastWord && lastWordEnd === q.length) lastWord.prefix = true;
  return parsed;
}
