/** The body of `POST /indexes/:uid/search`, checked as Meilisearch checks it. */
import { MeiliHttpError } from "./errors";
import type { MatchingStrategy } from "./text-match";

export interface SearchParams {
  q: string;
  offset: number;
  limit: number;
  filter: unknown;
  sort: string[];
  facets: string[];
  attributesToRetrieve: string[];
  attributesToHighlight: string[];
  attributesToCrop: string[];
  cropLength: number;
  cropMarker: string;
  highlightPreTag: string;
  highlightPostTag: string;
  matchingStrategy: MatchingStrategy;
}

const KNOWN = new Set([
  "q",
  "offset",
  "limit",
  "page",
  "hitsPerPage",
  "attributesToRetrieve",
  "retrieveVectors",
  "attributesToCrop",
  "cropLength",
  "cropMarker",
  "attributesToHighlight",
  "highlightPreTag",
  "highlightPostTag",
  "showMatchesPosition",
  "showRankingScore",
  "showRankingScoreDetails",
  "filter",
  "sort",
  "distinct",
  "facets",
  "matchingStrategy",
  "attributesToSearchOn",
  "rankingScoreThreshold",
  "locales",
  "hybrid",
  "vector",
  "media",
]);

function invalid(field: string, message: string): never {
  throw new MeiliHttpError(
    400,
    `invalid_search_${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`,
    message,
  );
}

function strings(body: Record<string, unknown>, field: string, fallback: string[]): string[] {
  const value = body[field];
  if (value === undefined || value === null) return fallback;
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    invalid(
      field,
      `Invalid value type at \`.${field}\`: expected an array, but found ${JSON.stringify(value)}.`,
    );
  }
  return value as string[];
}

function natural(body: Record<string, unknown>, field: string, fallback: number): number {
  const value = body[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    invalid(
      field,
      `Invalid value type at \`.${field}\`: expected a positive integer, but found ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

function text(body: Record<string, unknown>, field: string, fallback: string): string {
  const value = body[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "string")
    invalid(
      field,
      `Invalid value type at \`.${field}\`: expected a string, but found ${JSON.stringify(value)}.`,
    );
  return value;
}

export function readSearchParams(raw: unknown): SearchParams {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new MeiliHttpError(400, "bad_request", "Invalid value type: expected an object.");
  }
  const body = raw as Record<string, unknown>;
  for (const key of Object.keys(body)) {
    if (!KNOWN.has(key))
      throw new MeiliHttpError(
        400,
        "bad_request",
        `Unknown field \`${key}\`: expected one of ${[...KNOWN].map((k) => `\`${k}\``).join(", ")}`,
      );
  }
  const strategy = text(body, "matchingStrategy", "last");
  if (!["all", "last", "frequency"].includes(strategy)) {
    invalid(
      "matchingStrategy",
      `Unknown value \`${strategy}\` at \`.matchingStrategy\`: expected one of \`last\`, \`all\`, \`frequency\`.`,
    );
  }
  return {
    q: text(body, "q", ""),
    offset: natural(body, "offset", 0),
    limit: natural(body, "limit", 20),
    filter: body.filter,
    sort: strings(body, "sort", []),
    facets: strings(body, "facets", []),
    attributesToRetrieve: strings(body, "attributesToRetrieve", ["*"]),
    attributesToHighlight: strings(body, "attributesToHighlight", []),
    attributesToCrop: strings(body, "attributesToCrop", []),
    cropLength: natural(body, "cropLength", 10),
    cropMarker: text(body, "cropMarker", "…"),
    highlightPreTag: text(body, "highlightPreTag", "<em>"),
    highlightPostTag: text(body, "highlightPostTag", "</em>"),
    matchingStrategy: strategy as MatchingStrategy,
  };
}
