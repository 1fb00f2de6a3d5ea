import type { RouterOutputs } from "@hearth/api";

export type Feed = RouterOutputs["notifications"]["feed"];
export type FeedItem = Feed["items"][number];

export const kindLabels: Record<FeedItem["kind"], string> = {
  direct_message: "Message",
  group: "Group",
  broadcast: "Broadcast",
  mention: "Mention",
  maintenance: "Maintenance",
};

/** Where an item opens: its conversation in this app. */
export function itemHref(conversationPath: string, item: FeedItem): string {
  return item.conversationId ? `${conversationPath}/${item.conversationId}` : conversationPath;
}

/** "Riley Chen in Unit 4B" or "Riley Chen". */
export function itemTitle(item: FeedItem): string {
  return item.where ? `${item.from} in ${item.where}` : item.from;
}
