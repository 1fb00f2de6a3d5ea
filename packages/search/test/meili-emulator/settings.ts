/** Index settings: Meilisearch's defaults, partial updates, and the checks a settings task runs. */
import { type MeiliErrorBody, MeiliHttpError, taskError } from "./errors";

export interface TypoToleranceSettings {
  enabled: boolean;
  minWordSizeForTypos: { oneTypo: number; twoTypos: number };
  disableOnWords: string[];
  disableOnAttributes: string[];
  disableOnNumbers: boolean;
}

export interface IndexSettings {
  searchableAttributes: string[];
  displayedAttributes: string[];
  filterableAttributes: string[];
  sortableAttributes: string[];
  rankingRules: string[];
  typoTolerance: TypoToleranceSettings;
  faceting: { maxValuesPerFacet: number };
  pagination: { maxTotalHits: number };
  /** Stored and returned, not applied. */
  other: Record<string, unknown>;
}

export const BUILTIN_RANKING_RULES = [
  "words",
  "typo",
  "proximity",
  "attribute",
  "sort",
  "exactness",
];

export function defaultSettings(): IndexSettings {
  return {
    searchableAttributes: ["*"],
    displayedAttributes: ["*"],
    filterableAttributes: [],
    sortableAttributes: [],
    rankingRules: [...BUILTIN_RANKING_RULES],
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnWords: [],
      disableOnAttributes: [],
      disableOnNumbers: false,
    },
    faceting: { maxValuesPerFacet: 100 },
    pagination: { maxTotalHits: 1000 },
    other: {},
  };
}

const LIST_SETTINGS = [
  "searchableAttributes",
  "displayedAttributes",
  "filterableAttributes",
  "sortableAttributes",
  "rankingRules",
] as const;
const STORED_ONLY = [
  "stopWords",
  "synonyms",
  "distinctAttribute",
  "proximityPrecision",
  "separatorTokens",
  "nonSeparatorTokens",
  "dictionary",
  "searchCutoffMs",
  "localizedAttributes",
  "facetSearch",
  "prefixSearch",
  "embedders",
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function stringList(name: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw new MeiliHttpError(
      400,
      `invalid_settings_${snake(name)}`,
      `Invalid value type at \`.${name}\`: expected an array of strings.`,
    );
  }
  return value as string[];
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Refuses unknown fields and wrong types, as the PATCH route does before enqueueing. */
export function checkSettingsPayload(payload: unknown): Record<string, unknown> {
  if (!isRecord(payload)) {
    throw new MeiliHttpError(400, "bad_request", "Invalid value type: expected an object.");
  }
  for (const [key, value] of Object.entries(payload)) {
    const known =
      (LIST_SETTINGS as readonly string[]).includes(key) ||
      STORED_ONLY.includes(key) ||
      ["typoTolerance", "faceting", "pagination"].includes(key);
    if (!known) throw new MeiliHttpError(400, "bad_request", `Unknown field \`${key}\`.`);
    if (value !== null && (LIST_SETTINGS as readonly string[]).includes(key))
      stringList(key, value);
  }
  return payload;
}

/** The settings after a settings task; an error body when the task fails. */
export function applySettings(
  current: IndexSettings,
  update: Record<string, unknown>,
): IndexSettings | MeiliErrorBody {
  const next: IndexSettings = structuredClone(current);
  const defaults = defaultSettings();
  for (const name of LIST_SETTINGS) {
    if (!(name in update)) continue;
    const value = update[name];
    next[name] = value === null ? defaults[name] : [...stringList(name, value)];
  }
  for (const rule of next.rankingRules) {
    if (!BUILTIN_RANKING_RULES.includes(rule) && !/^[^:\s]+:(asc|desc)$/.test(rule)) {
      return taskError(
        "invalid_settings_ranking_rules",
        `Invalid value at \`.rankingRules\`: \`${rule}\` ranking rule is invalid. Valid ranking rules are words, typo, sort, proximity, attribute, exactness and custom ranking rules.`,
      );
    }
  }
  if ("typoTolerance" in update) {
    const typo = update.typoTolerance;
    if (typo === null) next.typoTolerance = defaults.typoTolerance;
    else if (isRecord(typo)) {
      const sizes = isRecord(typo.minWordSizeForTypos) ? typo.minWordSizeForTypos : {};
      next.typoTolerance = {
        ...next.typoTolerance,
        ...(typeof typo.enabled === "boolean" ? { enabled: typo.enabled } : {}),
        ...(Array.isArray(typo.disableOnWords)
          ? { disableOnWords: typo.disableOnWords.map(String) }
          : {}),
        ...(Array.isArray(typo.disableOnAttributes)
          ? { disableOnAttributes: typo.disableOnAttributes.map(String) }
          : {}),
        ...(typeof typo.disableOnNumbers === "boolean"
          ? { disableOnNumbers: typo.disableOnNumbers }
          : {}),
        minWordSizeForTypos: {
          oneTypo:
            typeof sizes.oneTypo === "number"
              ? sizes.oneTypo
              : next.typoTolerance.minWordSizeForTypos.oneTypo,
          twoTypos:
            typeof sizes.twoTypos === "number"
              ? sizes.twoTypos
              : next.typoTolerance.minWordSizeForTypos.twoTypos,
        },
      };
      const { oneTypo, twoTypos } = next.typoTolerance.minWordSizeForTypos;
      if (oneTypo > twoTypos) {
        return taskError(
          "invalid_settings_typo_tolerance",
          "`minWordSizeForTypos` setting is invalid. `oneTypo` and `twoTypos` fields should be between `0` and `255`, and `twoTypos` should be greater or equals to `oneTypo` but found `oneTypo: " +
            `${oneTypo}\` and twoTypos: \`${twoTypos}\`.`,
        );
      }
    }
  }
  if ("faceting" in update) {
    const faceting = update.faceting;
    const max = isRecord(faceting) ? faceting.maxValuesPerFacet : undefined;
    next.faceting = {
      maxValuesPerFacet: typeof max === "number" ? max : defaults.faceting.maxValuesPerFacet,
    };
  }
  if ("pagination" in update) {
    const pagination = update.pagination;
    const max = isRecord(pagination) ? pagination.maxTotalHits : undefined;
    next.pagination = {
      maxTotalHits: typeof max === "number" ? max : defaults.pagination.maxTotalHits,
    };
  }
  for (const name of STORED_ONLY) if (name in update) next.other[name] = update[name];
  return next;
}
