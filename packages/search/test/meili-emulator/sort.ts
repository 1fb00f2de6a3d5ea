/** The `sort` parameter: checked against the sortable attributes, then compared per rule. */
import { coveredBy, type Document, leafValues } from "./document-values";
import { MeiliHttpError } from "./errors";

export interface SortRule {
  attribute: string;
  descending: boolean;
}

export function readSort(sort: string[], sortable: string[], rankingRules: string[]): SortRule[] {
  if (sort.length > 0 && !rankingRules.includes("sort")) {
    throw new MeiliHttpError(
      400,
      "invalid_search_sort",
      "You must specify where `sort` is listed in the rankingRules setting to use the sort parameter at search time.",
    );
  }
  return sort.map((expression) => {
    const match = /^([^:\s]+):(asc|desc)$/.exec(expression.trim());
    if (!match) {
      throw new MeiliHttpError(
        400,
        "invalid_search_sort",
        `Invalid syntax for the sort parameter: expected expression ending by \`:asc\` or \`:desc\`, found \`${expression}\`.`,
      );
    }
    const attribute = match[1] ?? "";
    if (!coveredBy(sortable, attribute)) {
      const available =
        sortable.length === 0
          ? "This index does not have configured sortable attributes."
          : `Available sortable attributes are: \`${sortable.join(", ")}\`.`;
      throw new MeiliHttpError(
        400,
        "invalid_search_sort",
        `Attribute \`${attribute}\` is not sortable. ${available}`,
      );
    }
    return { attribute, descending: match[2] === "desc" };
  });
}

/** Numbers before strings ascending; documents without the attribute always last. */
function sortKey(doc: Document, attribute: string, descending: boolean): number | string | null {
  const values = leafValues(doc, attribute).filter(
    (v): v is number | string => typeof v === "number" || typeof v === "string",
  );
  if (values.length === 0) return null;
  const numbers = values.filter((v): v is number => typeof v === "number");
  if (numbers.length > 0) return descending ? Math.max(...numbers) : Math.min(...numbers);
  const texts = values.map(String).sort();
  return (descending ? texts[texts.length - 1] : texts[0]) ?? null;
}

export function compareBySort(a: Document, b: Document, rule: SortRule): number {
  const x = sortKey(a, rule.attribute, rule.descending);
  const y = sortKey(b, rule.attribute, rule.descending);
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  let order: number;
  if (typeof x === typeof y) order = x < y ? -1 : 1;
  else order = typeof x === "number" ? -1 : 1;
  return rule.descending ? -order : order;
}
