/** Checks shared by every engine, so both refuse the same malformed requests. */
import { type CursorPosition, decodeCursor } from "./cursor";
import { InvalidSearchQueryError } from "./errors";
import { MAX_SEARCH_LIMIT, type SearchQuery } from "./port";

/** Longest search text accepted; longer text is a paste, not a search. */
export const MAX_SEARCH_TEXT = 500;

/** A validated query: text trimmed (absent when blank), cursor decoded. */
export interface CheckedQuery extends Omit<SearchQuery, "cursor" | "text"> {
  text: string | undefined;
  after: CursorPosition | undefined;
}

/** @throws InvalidSearchQueryError */
export function checkQuery(query: SearchQuery): CheckedQuery {
  const { cursor, text, ...rest } = query;
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_SEARCH_LIMIT) {
    throw new InvalidSearchQueryError(
      `The limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}.`,
    );
  }
  for (const [name, date] of [
    ["from", query.from],
    ["to", query.to],
  ] as const) {
    if (date !== undefined && Number.isNaN(date.getTime())) {
      throw new InvalidSearchQueryError(`The "${name}" date is not a valid date.`);
    }
  }
  const trimmed = text?.trim();
  if (trimmed !== undefined && trimmed.length > MAX_SEARCH_TEXT) {
    throw new InvalidSearchQueryError(
      `The search text must be at most ${MAX_SEARCH_TEXT} characters.`,
    );
  }
  return {
    ...rest,
    text: trimmed ? trimmed : undefined,
    after: cursor ? decodeCursor(cursor) : undefined,
  };
}
