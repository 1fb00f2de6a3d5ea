import { sql } from "@hearth/db";
import type { Expression, SqlBool } from "kysely";

/** At most this many words count; the rest of a long query only narrows what is already found. */
const MAX_WORDS = 8;

/**
 * The words of a board search as a `to_tsquery` text: every word must match, each as a prefix
 * ("mail" finds "mailroom"). Words are letters and digits only, so nothing the viewer types can
 * reach tsquery syntax. Null when the text has no words at all.
 */
export function prefixQueryOf(search: string): string | null {
  const words = (search.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  return words.length === 0 ? null : words.map((word) => `${word}:*`).join(" & ");
}

/**
 * The post's title and body match the query. The expression is the one migration 0009 indexed
 * (`board_posts_words_idx`); change both together.
 */
export function postMatches(query: string): Expression<SqlBool> {
  return sql<SqlBool>`to_tsvector('simple', p.title || ' ' || p.body) @@ to_tsquery('simple', ${query})`;
}
