/**
 * Splits search text the way a person means it: words, `"quoted phrases"` (kept whole) and
 * `-excluded` words or phrases. The bare word `or` is web-search syntax, not a term.
 */

export interface SearchTerms {
  /** Lower-cased words and phrases that should appear. */
  include: string[];
  /** Lower-cased words and phrases that must not appear. */
  exclude: string[];
}

const TOKEN = /(-?)"([^"]*)"?|(\S+)/g;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

export function parseSearchTerms(text: string): SearchTerms {
  const terms: SearchTerms = { include: [], exclude: [] };
  for (const match of text.matchAll(TOKEN)) {
    const [, quotedMinus, phrase, word] = match;
    let negated: boolean;
    let term: string;
    if (phrase !== undefined) {
      negated = quotedMinus === "-";
      term = phrase.replace(/\s+/g, " ").trim();
    } else {
      const raw = word ?? "";
      negated = raw.startsWith("-") && raw.length > 1;
      term = raw.replace(EDGE_PUNCTUATION, "");
      if (term.toLowerCase() === "or") continue;
    }
    if (term === "") continue;
    (negated ? terms.exclude : terms.include).push(term.toLowerCase());
  }
  return terms;
}

/** The letter-and-digit runs of the terms, for prefix matching and highlighting. */
export function wordsOf(terms: string[]): string[] {
  const words = new Set<string>();
  for (const term of terms) for (const word of term.match(/[\p{L}\p{N}]+/gu) ?? []) words.add(word);
  return [...words];
}
