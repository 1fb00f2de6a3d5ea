/** Reading attributes of stored documents, as filters, facets and sort see them. */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type Document = Record<string, Json>;

/** Scalar leaves under `path` (dotted for nested objects), arrays flattened. */
export function leafValues(doc: Document, path: string): Json[] {
  const found: Json[] = [];
  const visit = (value: Json | undefined, rest: string[]): void => {
    if (value === undefined) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, rest);
      return;
    }
    if (rest.length === 0) {
      found.push(value);
      return;
    }
    if (value !== null && typeof value === "object") {
      const [head, ...tail] = rest;
      visit(value[head ?? ""], tail);
    }
  };
  const [head, ...tail] = path.split(".");
  visit(doc[head ?? ""], tail);
  return found;
}

/** The raw value at `path`, undefined when absent. */
export function valueAt(doc: Document, path: string): Json | undefined {
  let current: Json | undefined = doc;
  for (const part of path.split(".")) {
    if (current === null || typeof current !== "object" || Array.isArray(current)) return undefined;
    current = current[part];
  }
  return current;
}

/** A filter or sort pattern covers an attribute when equal, or a parent of it. */
export function coveredBy(patterns: string[], attribute: string): boolean {
  return patterns.some(
    (pattern) => pattern === "*" || pattern === attribute || attribute.startsWith(`${pattern}.`),
  );
}
