/**
 * Whether a document satisfies a filter, with Meilisearch's semantics: an array matches when
 * any element does; strings compare case- and accent-insensitively; `<`, `>`, `TO` compare
 * numbers only; `!=` and `NOT` also match documents that lack the attribute.
 */
import { type Document, type Json, leafValues, valueAt } from "./document-values";
import { type FilterNode, FilterSyntaxError } from "./filter-ast";
import { normalizeFacet } from "./text";

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function asNumber(literal: string): number | null {
  if (!NUMBER.test(literal.trim())) return null;
  const value = Number(literal);
  return Number.isFinite(value) ? value : null;
}

function requireNumber(literal: string): number {
  const value = asNumber(literal);
  if (value === null) {
    throw new FilterSyntaxError(`Invalid filter: \`${literal}\` is not a valid number.`);
  }
  return value;
}

function equals(value: Json, literal: string): boolean {
  if (typeof value === "string") return normalizeFacet(value) === normalizeFacet(literal);
  if (typeof value === "number") return value === asNumber(literal);
  if (typeof value === "boolean") return String(value) === literal.trim().toLowerCase();
  return false;
}

function anyNumber(doc: Document, attribute: string, test: (n: number) => boolean): boolean {
  return leafValues(doc, attribute).some((value) => typeof value === "number" && test(value));
}

function isEmpty(value: Json | undefined): boolean {
  if (value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (value !== null && typeof value === "object") return Object.keys(value).length === 0;
  return false;
}

/** @throws FilterSyntaxError for a range on a value that is not a number */
export function matchesFilter(node: FilterNode, doc: Document): boolean {
  switch (node.kind) {
    case "and":
      return node.children.every((child) => matchesFilter(child, doc));
    case "or":
      return node.children.some((child) => matchesFilter(child, doc));
    case "not":
      return !matchesFilter(node.child, doc);
    case "in":
      return leafValues(doc, node.attribute).some((value) =>
        node.values.some((literal) => equals(value, literal)),
      );
    case "exists":
      return valueAt(doc, node.attribute) !== undefined;
    case "isNull":
      return valueAt(doc, node.attribute) === null;
    case "isEmpty":
      return isEmpty(valueAt(doc, node.attribute));
    case "between": {
      const from = requireNumber(node.from);
      const to = requireNumber(node.to);
      return anyNumber(doc, node.attribute, (n) => n >= from && n <= to);
    }
    case "compare": {
      const { attribute, operator, value } = node;
      if (operator === "=" || operator === "!=") {
        const found = leafValues(doc, attribute).some((leaf) => equals(leaf, value));
        return operator === "=" ? found : !found;
      }
      const bound = requireNumber(value);
      if (operator === "<") return anyNumber(doc, attribute, (n) => n < bound);
      if (operator === "<=") return anyNumber(doc, attribute, (n) => n <= bound);
      if (operator === ">") return anyNumber(doc, attribute, (n) => n > bound);
      return anyNumber(doc, attribute, (n) => n >= bound);
    }
  }
}

/** Checks number literals up front, so a bad filter fails even on an empty index. */
export function checkFilterLiterals(node: FilterNode): void {
  switch (node.kind) {
    case "and":
    case "or":
      for (const child of node.children) checkFilterLiterals(child);
      return;
    case "not":
      checkFilterLiterals(node.child);
      return;
    case "between":
      requireNumber(node.from);
      requireNumber(node.to);
      return;
    case "compare":
      if (node.operator !== "=" && node.operator !== "!=") requireNumber(node.value);
      return;
    default:
      return;
  }
}
