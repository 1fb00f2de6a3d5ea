/** Prints the README's generated rules section; paste it between the markers. */
import { END_MARKER, renderRulesTable, START_MARKER } from "./rules-table";

console.log([START_MARKER, renderRulesTable(), END_MARKER].join("\n"));
