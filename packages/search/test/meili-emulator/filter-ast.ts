/** The parsed form of a Meilisearch filter expression. */

export type ComparisonOperator = "=" | "!=" | "<" | "<=" | ">" | ">=";

export type FilterNode =
  | { kind: "and"; children: FilterNode[] }
  | { kind: "or"; children: FilterNode[] }
  | { kind: "not"; child: FilterNode }
  | { kind: "compare"; attribute: string; operator: ComparisonOperator; value: string }
  | { kind: "between"; attribute: string; from: string; to: string }
  | { kind: "in"; attribute: string; values: string[] }
  | { kind: "exists"; attribute: string }
  | { kind: "isNull"; attribute: string }
  | { kind: "isEmpty"; attribute: string };

/** A filter Meilisearch would refuse; `message` follows Meilisearch's wording and position. */
export class FilterSyntaxError extends Error {}

/** The attributes a filter reads, for the filterable check. */
export function attributesOf(node: FilterNode): string[] {
  switch (node.kind) {
    case "and":
    case "or":
      return node.children.flatMap(attributesOf);
    case "not":
      return attributesOf(node.child);
    default:
      return [node.attribute];
  }
}
