/** A search request the engine refuses as malformed; the API answers it with a 400. */
export class InvalidSearchQueryError extends Error {
  override readonly name = "InvalidSearchQueryError";
}
