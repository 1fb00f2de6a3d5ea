import type { RouterInputs } from "@hearth/api";
import type { InboxChannel } from "@hearth/db";
import { channelLabels } from "./format";

export const teamViews = ["mine", "unassigned", "all", "closed"] as const;
export type TeamView = (typeof teamViews)[number];

export interface ListFilter {
  archived: boolean;
  priority?: "high";
  channel?: InboxChannel;
  /** A view of the shared team inbox instead of the viewer's own. */
  team?: TeamView;
}

function teamViewOf(view: string | null): TeamView | undefined {
  return teamViews.find((candidate) => candidate === view);
}

/** The inbox filter in a URL's search (`view`, `channel`), for the page and its loader alike. */
export function listFilterOf(params: URLSearchParams): ListFilter {
  const channel = params.get("channel");
  const team = teamViewOf(params.get("view"));
  if (team) return { archived: false, team };
  return {
    archived: params.get("view") === "archived",
    ...(params.get("view") === "high" ? { priority: "high" as const } : {}),
    ...(channel && channel in channelLabels ? { channel: channel as InboxChannel } : {}),
  };
}

/** The list's input for a filter; pages after the first add their cursor. */
export function listInput(
  filter: ListFilter,
): Omit<RouterInputs["conversations"]["list"] & object, "cursor"> {
  return {
    archived: filter.archived,
    ...(filter.priority ? { priority: filter.priority } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.team ? { team: filter.team } : {}),
  };
}
