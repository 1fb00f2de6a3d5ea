/** Runs one search on an index: filter, match words, rank, page, format, count facets. */
import { coveredBy, type Document, type Json } from "./document-values";
import { MeiliHttpError } from "./errors";
import { countFacets } from "./facets";
import { attributesOf, FilterSyntaxError } from "./filter-ast";
import { checkFilterLiterals, matchesFilter } from "./filter-eval";
import { parseFilterParameter } from "./filter-parser";
import { formatText } from "./format";
import type { IndexState } from "./index-state";
import { parseQuery } from "./query-terms";
import { readSearchParams, type SearchParams } from "./search-params";
import { compareBySort, readSort, type SortRule } from "./sort";
import { type DocumentMatch, matchDocument } from "./text-match";

interface Candidate {
  doc: Document;
  order: number;
  match: DocumentMatch;
}

function filterableMessage(attribute: string, filterable: string[]): string {
  const available =
    filterable.length === 0
      ? "This index does not have configured filterable attributes."
      : `Available filterable attribute patterns are: \`${filterable.join(", ")}\`.`;
  return `Attribute \`${attribute}\` is not filterable. ${available}`;
}

function readFilter(params: SearchParams, filterable: string[]) {
  try {
    const filter = parseFilterParameter(params.filter);
    if (filter === null) return null;
    for (const attribute of attributesOf(filter)) {
      if (!coveredBy(filterable, attribute)) {
        throw new FilterSyntaxError(
          `${filterableMessage(attribute, filterable)}\n1:1 ${JSON.stringify(params.filter)}`,
        );
      }
    }
    checkFilterLiterals(filter);
    return filter;
  } catch (error) {
    if (error instanceof FilterSyntaxError)
      throw new MeiliHttpError(400, "invalid_search_filter", error.message);
    throw error;
  }
}

function compareCandidates(a: Candidate, b: Candidate, rules: string[], sort: SortRule[]): number {
  for (const rule of rules) {
    let order = 0;
    if (rule === "sort") {
      for (const sortRule of sort) {
        order = compareBySort(a.doc, b.doc, sortRule);
        if (order !== 0) break;
      }
    } else if (rule === "words") order = b.match.matchedTerms - a.match.matchedTerms;
    else if (rule === "typo") order = a.match.typos - b.match.typos;
    else if (rule.includes(":")) {
      const [attribute = "", direction] = rule.split(":");
      order = compareBySort(a.doc, b.doc, { attribute, descending: direction === "desc" });
    }
    if (order !== 0) return order;
  }
  return a.order - b.order;
}

function pick(doc: Document, attributes: string[], displayed: string[]): Document {
  const visible = (key: string) => displayed.includes("*") || displayed.includes(key);
  const wanted = (key: string) => attributes.includes("*") || attributes.includes(key);
  return Object.fromEntries(Object.entries(doc).filter(([key]) => visible(key) && wanted(key)));
}

function formatted(candidate: Candidate, shown: Document, params: SearchParams): Document {
  const highlight = new Set(
    params.attributesToHighlight.includes("*") ? Object.keys(shown) : params.attributesToHighlight,
  );
  const crops = new Map<string, number>();
  for (const entry of params.attributesToCrop) {
    const [name = "", length] = entry.split(":");
    const words = length === undefined ? params.cropLength : Number(length);
    if (name === "*") for (const key of Object.keys(shown)) crops.set(key, words);
    else crops.set(name, words);
  }
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(shown)) {
    if (typeof value !== "string" || (!highlight.has(key) && !crops.has(key))) {
      out[key] = value;
      continue;
    }
    out[key] = formatText(value, candidate.match.ranges.get(key) ?? [], {
      highlight: highlight.has(key),
      cropLength: crops.get(key) ?? null,
      cropMarker: params.cropMarker,
      preTag: params.highlightPreTag,
      postTag: params.highlightPostTag,
    });
  }
  return out;
}

export function search(index: IndexState, body: unknown): Record<string, unknown> {
  const started = Date.now();
  const params = readSearchParams(body);
  const { settings } = index;
  const filter = readFilter(params, settings.filterableAttributes);
  const sort = readSort(params.sort, settings.sortableAttributes, settings.rankingRules);
  for (const facet of params.facets) {
    if (!coveredBy(settings.filterableAttributes, facet)) {
      throw new MeiliHttpError(
        400,
        "invalid_search_facets",
        `Invalid facet distribution: Attribute \`${facet}\` is not filterable. Available filterable attributes patterns are: \`${settings.filterableAttributes.join(", ")}\`.`,
      );
    }
  }
  const query = parseQuery(params.q);
  const candidates: Candidate[] = [];
  let order = 0;
  for (const doc of index.documents.values()) {
    order++;
    if (filter !== null && !matchesFilter(filter, doc)) continue;
    const match = matchDocument(doc, query, settings, params.matchingStrategy);
    if (match) candidates.push({ doc, order, match });
  }
  candidates.sort((a, b) => compareCandidates(a, b, settings.rankingRules, sort));
  const reachable = candidates.slice(0, settings.pagination.maxTotalHits);
  const page = reachable.slice(params.offset, params.offset + params.limit);
  const wantsFormatted =
    params.attributesToHighlight.length > 0 || params.attributesToCrop.length > 0;
  const hits = page.map((candidate) => {
    const shown = pick(candidate.doc, params.attributesToRetrieve, settings.displayedAttributes);
    return wantsFormatted ? { ...shown, _formatted: formatted(candidate, shown, params) } : shown;
  });
  return {
    hits,
    query: params.q,
    processingTimeMs: Date.now() - started,
    limit: params.limit,
    offset: params.offset,
    estimatedTotalHits: reachable.length,
    ...(params.facets.length > 0
      ? countFacets(
          candidates.map((c) => c.doc),
          params.facets,
          settings.faceting.maxValuesPerFacet,
        )
      : {}),
  };
}
