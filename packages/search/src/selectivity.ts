/**
 * Whether words are rare enough to look up in the full-text index rather than found by walking
 * the newest messages. Postgres itself guesses badly here: a word missing from the index's
 * most-common-lexeme statistics is assumed to match 0.5% of all rows, so for a word that matches
 * nothing it plans to walk every message of the organization, newest first, looking for 20 hits
 * (seconds at a million messages). The same statistics answer the question well from outside:
 * a word that is not among the most common lexemes is rare, and a rare word is best looked up.
 */
import type { Database } from "@hearth/db/types";
import { type Kysely, sql } from "kysely";
import { parseSearchTerms, wordsOf } from "./terms";

/** Below this many expected matches the index lookup wins over the newest-first walk. */
const LOOKUP_BELOW_MATCHES = 20_000;
/** Statistics change only with ANALYZE; reading them once in a while is enough. */
const STATS_TTL_MS = 5 * 60_000;
const MIN_PREFIX = 3;

interface LexemeStats {
  /** Share of messages holding each of the most common lexemes. */
  frequency: Map<string, number>;
  /** Rows of `messages`, as the planner believes. */
  rows: number;
  readAt: number;
}

async function readStats(db: Kysely<Database>): Promise<LexemeStats> {
  const { rows } = await sql<{ elems: string[] | null; freqs: number[] | null; rows: number }>`
    select s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs::float8[] as freqs,
      greatest(c.reltuples, 0)::float8 as rows
    from pg_class c
    left join pg_stats s on s.schemaname = current_schema() and s.tablename = 'messages'
      and s.attname = 'search_vector'
    where c.oid = 'messages'::regclass
  `.execute(db);
  const row = rows[0];
  const frequency = new Map<string, number>();
  for (const [i, lexeme] of (row?.elems ?? []).entries()) {
    frequency.set(lexeme, row?.freqs?.[i] ?? 0);
  }
  return { frequency, rows: row?.rows ?? 0, readAt: Date.now() };
}

/** Words whose lexemes were asked for lately: a word's lexemes never change. */
const LEXEME_CACHE_SIZE = 10_000;

/** Each word's lexemes under the English configuration (stop words have none). */
async function lexemesOf(
  db: Kysely<Database>,
  words: string[],
  cache: Map<string, string[]>,
): Promise<{ word: string; lexemes: string[] }[]> {
  const missing = words.filter((word) => !cache.has(word));
  if (missing.length > 0) {
    const { rows } = await sql<{ word: string; lexemes: string[] }>`
      select w as word, tsvector_to_array(to_tsvector('english', w)) as lexemes
      from unnest(${missing}::text[]) w
    `.execute(db);
    for (const row of rows) {
      if (cache.size >= LEXEME_CACHE_SIZE) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      cache.set(row.word, row.lexemes);
    }
  }
  return words.map((word) => ({ word, lexemes: cache.get(word) ?? [] }));
}

function wordFrequency(stats: LexemeStats, word: string, lexemes: string[]): number {
  // The share of messages a word can match: its own lexeme, or as a prefix every common lexeme
  // that starts with it. Not among the common ones: rarer than all of them, so call it 0.
  let share = 0;
  for (const [lexeme, frequency] of stats.frequency) {
    const matches =
      lexemes.includes(lexeme) || (word.length >= MIN_PREFIX && lexeme.startsWith(word));
    if (matches) share += frequency;
  }
  return Math.min(1, share);
}

export interface SelectivityEstimator {
  /** True when `text` matches few enough messages to look them up in the index. */
  isSelective(text: string): Promise<boolean>;
}

export function createSelectivityEstimator(db: Kysely<Database>): SelectivityEstimator {
  let stats: Promise<LexemeStats> | null = null;
  const lexemeCache = new Map<string, string[]>();
  function current(): Promise<LexemeStats> {
    if (stats === null) {
      stats = readStats(db).catch((error: unknown) => {
        stats = null;
        throw error;
      });
    }
    return stats.then((value) => {
      if (Date.now() - value.readAt > STATS_TTL_MS) stats = null;
      return value;
    });
  }
  return {
    async isSelective(text) {
      const words = wordsOf(parseSearchTerms(text).include);
      // Nothing to look for (punctuation, stop words): the lookup finds nothing at once, where a
      // walk would read every message.
      if (words.length === 0) return true;
      const [known, lexemes] = await Promise.all([current(), lexemesOf(db, words, lexemeCache)]);
      // Every word must match (AND): the rarest word bounds the matches.
      let share = 1;
      let searchable = false;
      for (const { word, lexemes: ofWord } of lexemes) {
        if (ofWord.length === 0) continue;
        searchable = true;
        share = Math.min(share, wordFrequency(known, word, ofWord));
      }
      if (!searchable) return true;
      return share * known.rows < LOOKUP_BELOW_MATCHES;
    },
  };
}
