/**
 * The SQL for word search in the Postgres engine. Full-text search (English stemming, web-search
 * syntax) finds whole words; a substring fallback (`ilike`, served by a trigram index) finds
 * parts of words that stemming cannot ("hall" in "hallway", "allwa" anywhere in it).
 */
import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";
import { MARK_END, MARK_START } from "./excerpt";
import { parseSearchTerms, wordsOf } from "./terms";

/** Substrings shorter than this would match nearly every message, and no trigram index helps. */
const MIN_SUBSTRING = 3;

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, "\\$&")}%`;
}

function and(parts: RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/**
 * True when `body` matches `text`. The expression `to_tsvector('english', body)` is spelled
 * exactly as in the index of migration 0002 (packages/db), so Postgres can use that index.
 */
export function matchesText(body: Expression<string>, text: string): RawBuilder<SqlBool> {
  const fullText = sql<SqlBool>`to_tsvector('english', ${body}) @@ websearch_to_tsquery('english', ${text})`;
  const { include, exclude } = parseSearchTerms(text);
  const substrings = include.filter((term) => term.length >= MIN_SUBSTRING);
  if (substrings.length === 0) return fullText;
  const partial = and([
    ...substrings.map((term) => sql<SqlBool>`${body} ilike ${likePattern(term)}`),
    ...exclude
      .filter((term) => term.length >= MIN_SUBSTRING)
      .map((term) => sql<SqlBool>`${body} not ilike ${likePattern(term)}`),
  ]);
  return sql<SqlBool>`(${fullText} or ${partial})`;
}

/**
 * The words of `text` highlighted wherever they start a word or occur in one: not the excluded
 * ones, nor short ones ("a" would light up half the message; whole-word matches still show).
 */
export function highlightWords(text: string): string[] {
  return wordsOf(parseSearchTerms(text).include).filter((word) => word.length >= MIN_SUBSTRING);
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
