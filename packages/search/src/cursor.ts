/**
 * Keyset cursors: the position of the last hit of a page, (createdAt, messageId), as an opaque
 * base64url string. `at` is an ISO-8601 UTC timestamp; Postgres cursors keep microseconds.
 */
import { InvalidSearchQueryError } from "./errors";

export interface CursorPosition {
  at: string;
  id: number;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id]), "utf8").toString("base64url");
}

/** @throws InvalidSearchQueryError when the cursor was not made by {@link encodeCursor}. */
export function decodeCursor(cursor: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new InvalidSearchQueryError("The search cursor is not valid.");
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) {
    throw new InvalidSearchQueryError("The search cursor is not valid.");
  }
  const [at, id] = parsed as unknown[];
  if (
    typeof at !== "string" ||
    !ISO_UTC.test(at) ||
    Number.isNaN(Date.parse(at)) ||
    typeof id !== "number" ||
    !Number.isSafeInteger(id) ||
    id < 1
  ) {
    throw new InvalidSearchQueryError("The search cursor is not valid.");
  }
  return { at, id };
}
