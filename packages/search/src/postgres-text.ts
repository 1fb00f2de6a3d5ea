/**
 * The SQL for word search in the Postgres engine: full-text search with English stemming, where
 * each searched word also matches as the start of a word ("hall" finds "hallway", "permit" finds
 * "permits"). Everything is one tsquery against one GIN index, so the planner can estimate how
 * many messages match from the index's statistics: a rare word is looked up in the index, a
 * common one found by walking the newest messages.
 */
import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";
import { MARK_END, MARK_START } from "./excerpt";
import { parseSearchTerms, wordsOf } from "./terms";

/** Shorter words match only whole: "a:*" would match most of the dictionary. */
const MIN_PREFIX = 3;

function prefixed(word: string): string {
  return word.length >= MIN_PREFIX ? `${word}:*` : word;
}

/** A term as to_tsquery syntax: a word, or a phrase's words in order. Words are letters and digits only. */
function termQuery(term: string, asPrefix: boolean): string | null {
  const words = wordsOf([term]);
  if (words.length === 0) return null;
  const parts = words.map((word) => (asPrefix ? prefixed(word) : word));
  return parts.length === 1 ? (parts[0] ?? null) : `(${parts.join(" <-> ")})`;
}

/** Every included term, each word also as a prefix, and none of the excluded ones. */
export function prefixQueryText(text: string): string {
  const { include, exclude } = parseSearchTerms(text);
  const parts = [
    ...include.flatMap((term) => termQuery(term, true) ?? []),
    ...exclude.flatMap((term) => {
      const query = termQuery(term, false);
      return query === null ? [] : [`!${query}`];
    }),
  ];
  return parts.join(" & ");
}

/**
 * The tsquery for `text`: web-search syntax as people type it (quotes, `-word`, `or`), or every
 * word as a prefix.
 */
function textQuery(text: string): RawBuilder<unknown> {
  const prefixes = prefixQueryText(text);
  return prefixes === ""
    ? sql`websearch_to_tsquery('english', ${text})`
    : sql`(websearch_to_tsquery('english', ${text}) || to_tsquery('english', ${prefixes}))`;
}

/**
 * True when a message's `search_vector` (its body's English tsvector, stored by migration 0007
 * and indexed) matches `text`.
 */
export function matchesText(searchVector: Expression<unknown>, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${searchVector} @@ ${textQuery(text)}`;
}

/**
 * The words of `text` highlighted wherever they start a word or occur in one: not the excluded
 * ones, nor short ones ("a" would light up half the message; whole-word matches still show).
 */
export function highlightWords(text: string): string[] {
  return wordsOf(parseSearchTerms(text).include).filter((word) => word.length >= MIN_PREFIX);
}

// The whole body, marked: excerpt.ts cuts the window, keeping punctuation ts_headline drops.
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;

/**
 * `ts_headline` of `body` for `text`, marked with MARK_START / MARK_END: stemmed matches and
 * words starting with a searched word are highlighted.
 */
export function headline(body: Expression<string>, text: string): RawBuilder<string> {
  const prefixes = highlightWords(text).map((word) => `${word}:*`);
  const query =
    prefixes.length > 0
      ? sql`(websearch_to_tsquery('english', ${text}) || to_tsquery('simple', ${prefixes.join(" | ")}))`
      : sql`websearch_to_tsquery('english', ${text})`;
  return sql<string>`ts_headline('english', ${body}, ${query}, ${HEADLINE_OPTIONS})`;
}
