import type { Decision } from "@hearth/policies";
import { channelLabels } from "./format";

export type InboxChannel = keyof typeof channelLabels;

export interface ChannelSummary {
  channel: InboxChannel;
  present: boolean;
  unread: number;
}

export interface ChannelChip {
  channel: InboxChannel;
  unread: number;
}

/**
 * The channel chips above the inbox. A channel the policy offers is shown; so is any channel with
 * unread messages, even one the policy has since switched off, because the navigation's total
 * counts those messages and the chips must add up to it. Announcements appear once there are any.
 */
export function channelChips(
  summary: readonly ChannelSummary[],
  decisions: Readonly<Record<string, Decision | undefined>>,
  activeChannel: InboxChannel | undefined,
): ChannelChip[] {
  const byChannel = new Map(summary.map((entry) => [entry.channel, entry]));
  return (Object.keys(channelLabels) as InboxChannel[])
    .filter((channel) => {
      const entry = byChannel.get(channel);
      if (channel === activeChannel || (entry?.unread ?? 0) > 0) return true;
      if (channel === "announcements") return entry?.present === true;
      return decisions[`channel.${channel}`]?.allowed !== false;
    })
    .map((channel) => ({ channel, unread: byChannel.get(channel)?.unread ?? 0 }));
}
