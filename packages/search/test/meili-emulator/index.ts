/** A Meilisearch emulator for tests: see server.ts. */

export { type FilterNode, FilterSyntaxError } from "./filter-ast";
export { matchesFilter } from "./filter-eval";
export { parseFilter, parseFilterParameter } from "./filter-parser";
export {
  type MeiliEmulator,
  type MeiliEmulatorOptions,
  type OutageMode,
  type RecordedRequest,
  startMeiliEmulator,
} from "./server";
export { damerauLevenshtein, matchWord } from "./word-match";
