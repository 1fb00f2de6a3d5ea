/**
 * Whether a document matches the query words, where, and with how many typos. Words are looked
 * for in the searchable attributes; a document is excluded when an excluded word or phrase
 * occurs exactly.
 */
import { type Document, type Json, valueAt } from "./document-values";
import type { ParsedQuery, QueryTerm } from "./query-terms";
import type { IndexSettings } from "./settings";
import { tokenize, type WordToken } from "./text";
import { matchWord, typoBudget } from "./word-match";

export interface MatchRange {
  start: number;
  end: number;
}

export interface DocumentMatch {
  /** How many of the query terms matched (all of them with matchingStrategy `all`). */
  matchedTerms: number;
  typos: number;
  /** Per searchable attribute holding a string: where query words were found. */
  ranges: Map<string, MatchRange[]>;
}

export type MatchingStrategy = "all" | "last" | "frequency";

function searchableAttributes(doc: Document, settings: IndexSettings): string[] {
  const listed = settings.searchableAttributes;
  return listed.includes("*") ? Object.keys(doc) : listed;
}

function textsOf(value: Json | undefined): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "number") return [String(value)];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  return [];
}

interface Field {
  attribute: string;
  text: string;
  tokens: WordToken[];
  typosAllowed: boolean;
}

function termRanges(
  term: QueryTerm,
  field: Field,
  settings: IndexSettings,
  exact: boolean,
): { ranges: MatchRange[]; typos: number } | null {
  const ranges: MatchRange[] = [];
  let typos = Number.POSITIVE_INFINITY;
  const { tokens } = field;
  if (term.kind === "phrase") {
    for (let i = 0; i + term.words.length <= tokens.length; i++) {
      if (term.words.every((word, k) => tokens[i + k]?.word === word)) {
        for (let k = 0; k < term.words.length; k++) {
          const token = tokens[i + k] as WordToken;
          ranges.push({ start: token.start, end: token.end });
        }
        typos = 0;
      }
    }
  } else {
    const budget = exact || !field.typosAllowed ? 0 : typoBudget(term.word, settings.typoTolerance);
    for (const token of tokens) {
      const match = matchWord(term.word, token.word, term.prefix && !exact, budget);
      if (!match) continue;
      typos = Math.min(typos, match.typos);
      const length = Array.from(field.text.slice(token.start, token.end))
        .slice(0, match.matchedLength)
        .join("").length;
      ranges.push({ start: token.start, end: token.start + length });
    }
  }
  return ranges.length > 0 ? { ranges, typos } : null;
}

export function matchDocument(
  doc: Document,
  query: ParsedQuery,
  settings: IndexSettings,
  strategy: MatchingStrategy,
): DocumentMatch | null {
  const fields: Field[] = [];
  for (const attribute of searchableAttributes(doc, settings)) {
    for (const text of textsOf(valueAt(doc, attribute))) {
      fields.push({
        attribute,
        text,
        tokens: tokenize(text),
        typosAllowed: !settings.typoTolerance.disableOnAttributes.includes(attribute),
      });
    }
  }
  for (const term of query.excluded) {
    if (fields.some((field) => termRanges(term, field, settings, true))) return null;
  }
  const result: DocumentMatch = { matchedTerms: 0, typos: 0, ranges: new Map() };
  const matched: boolean[] = [];
  for (const term of query.terms) {
    let found = false;
    let fewestTypos = Number.POSITIVE_INFINITY;
    for (const field of fields) {
      const hit = termRanges(term, field, settings, false);
      if (!hit) continue;
      found = true;
      fewestTypos = Math.min(fewestTypos, hit.typos);
      const list = result.ranges.get(field.attribute) ?? [];
      list.push(...hit.ranges);
      result.ranges.set(field.attribute, list);
    }
    matched.push(found);
    if (found) result.typos += fewestTypos;
  }
  if (strategy === "all") {
    if (matched.some((found) => !found)) return null;
  } else {
    // "last": drop words from the end until the rest all match; at least the first must.
    const kept = matched.indexOf(false);
    if (kept === 0) return null;
  }
  result.matchedTerms = matched.filter(Boolean).length;
  return result;
}
