/**
 * Meilisearch filter expressions for a checked query. The first two always scope the search to
 * the organization and to conversations the viewer participates in; Meilisearch ANDs the array.
 */
import type { CheckedQuery } from "./query";

/**
 * A string as a double-quoted Meilisearch filter value. Inside quotes Meilisearch reads `\"` as
 * a quote and `\\` as a backslash, so escaping both keeps any value inside its quotes.
 */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function equals(attribute: string, value: string): string {
  return `${attribute} = ${quoteFilterValue(value)}`;
}

function millis(date: Date | string): number {
  const ms = typeof date === "string" ? Date.parse(date) : date.getTime();
  // checkQuery and decodeCursor have already refused invalid dates; numbers go in unquoted.
  if (!Number.isFinite(ms)) throw new RangeError("invalid date in search filter");
  return ms;
}

export function buildFilter(query: CheckedQuery): string[] {
  const filter = [
    equals("organizationId", query.organizationId),
    equals("participantIds", query.viewerId),
  ];
  if (query.senderId !== undefined) filter.push(equals("senderId", query.senderId));
  if (query.personId !== undefined) {
    filter.push(
      `(${equals("senderId", query.personId)} OR ${equals("participantIds", query.personId)})`,
    );
  }
  if (query.conversationId !== undefined) {
    filter.push(equals("conversationId", query.conversationId));
  }
  if (query.kind !== undefined) filter.push(equals("conversationKind", query.kind));
  if (query.priority !== undefined) filter.push(equals("priority", query.priority));
  if (query.propertyId !== undefined) filter.push(equals("propertyId", query.propertyId));
  if (query.unitId !== undefined) filter.push(equals("unitId", query.unitId));
  if (query.type !== undefined) filter.push(equals("type", query.type));
  if (query.from !== undefined) filter.push(`createdAt >= ${millis(query.from)}`);
  if (query.to !== undefined) filter.push(`createdAt < ${millis(query.to)}`);
  if (query.after !== undefined) {
    const at = millis(query.after.at);
    const id = query.after.id;
    filter.push(`(createdAt < ${at} OR (createdAt = ${at} AND messageId < ${id}))`);
  }
  return filter;
}
