/** Where both apps serve the search page. */
export const SEARCH_PATH = "/search";

/** The search page's URL parameters besides `cursor`, as typed (empty when absent). */
export const searchFields = [
  "q",
  "from",
  "to",
  "personId",
  "propertyId",
  "unitId",
  "conversationId",
  "kind",
  "type",
  "priority",
] as const;

export type SearchField = (typeof searchFields)[number];
export type SearchForm = Record<SearchField, string>;

/** The search form as the URL carries it. */
export function searchFormOf(params: URLSearchParams): SearchForm {
  const form = {} as SearchForm;
  for (const field of searchFields) form[field] = params.get(field)?.trim() ?? "";
  return form;
}

/** Whether the form asks for anything; an empty form shows how to search instead of results. */
export function asksForAnything(form: SearchForm): boolean {
  return searchFields.some((field) => form[field] !== "");
}

/** The search page's address for this form (empty fields left out), optionally at a cursor. */
export function searchHref(form: Partial<SearchForm>, cursor?: string): string {
  const params = new URLSearchParams();
  for (const field of searchFields) {
    const value = form[field];
    if (value) params.set(field, value);
  }
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `${SEARCH_PATH}?${query}` : SEARCH_PATH;
}

/** The thread address that opens at one message and marks it (works without JavaScript too). */
export function messageHref(threadPath: string, conversationId: string, messageId: number): string {
  return `${threadPath}/${conversationId}?message=${messageId}#message-${messageId}`;
}
