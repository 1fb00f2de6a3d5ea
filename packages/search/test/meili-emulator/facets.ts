/** `facetDistribution` and `facetStats`: value counts over every document that matched. */
import { type Document, leafValues } from "./document-values";

export interface FacetResult {
  facetDistribution: Record<string, Record<string, number>>;
  facetStats: Record<string, { min: number; max: number }>;
}

export function countFacets(
  docs: Document[],
  facets: string[],
  maxValuesPerFacet: number,
): FacetResult {
  const result: FacetResult = { facetDistribution: {}, facetStats: {} };
  for (const facet of facets) {
    const counts = new Map<string, number>();
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const doc of docs) {
      const values = new Set<string>();
      for (const value of leafValues(doc, facet)) {
        if (value === null || typeof value === "object") continue;
        if (typeof value === "number") {
          min = Math.min(min, value);
          max = Math.max(max, value);
        }
        values.add(String(value));
      }
      for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const sorted = [...counts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, maxValuesPerFacet);
    result.facetDistribution[facet] = Object.fromEntries(sorted);
    if (Number.isFinite(min)) result.facetStats[facet] = { min, max };
  }
  return result;
}
