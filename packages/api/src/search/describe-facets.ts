/** Facet counts as the search page lists them: most first, properties by name. */
import type { Database, Kysely, MessageType } from "@hearth/db";
import type { SearchFacets } from "@hearth/search";

export interface DescribedFacets {
  types: { type: MessageType; count: number }[];
  properties: { id: string; name: string; count: number }[];
}

export async function describeFacets(
  db: Kysely<Database>,
  organizationId: string,
  facets: SearchFacets | null,
): Promise<DescribedFacets | null> {
  if (facets === null) return null;
  const propertyIds = Object.keys(facets.properties);
  const names =
    propertyIds.length === 0
      ? []
      : await db
          .selectFrom("properties")
          .where("organization_id", "=", organizationId)
          .where("id", "in", propertyIds)
          .select(["id", "name"])
          .execute();
  const types = Object.entries(facets.types) as [MessageType, number][];
  return {
    types: types.map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count),
    properties: names
      .map(({ id, name }) => ({ id, name, count: facets.properties[id] ?? 0 }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
  };
}
