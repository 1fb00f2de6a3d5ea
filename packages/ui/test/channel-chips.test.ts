import { describe, expect, it } from "vitest";
import { type ChannelSummary, channelChips } from "../src/messenger/channel-chips";

const allowed = { allowed: true, code: "ok", reason: "" } as const;
const refused = { allowed: false, code: "channel_disabled", reason: "Off." } as const;

describe("channel chips", () => {
  const summary: ChannelSummary[] = [
    { channel: "team", present: true, unread: 2 },
    { channel: "tenants", present: true, unread: 3 },
    { channel: "owners", present: true, unread: 4 },
    { channel: "service_pros", present: false, unread: 0 },
    { channel: "maintenance", present: false, unread: 0 },
    { channel: "announcements", present: true, unread: 1 },
  ];
  const decisions = {
    "channel.team": allowed,
    "channel.tenants": allowed,
    "channel.owners": refused,
    "channel.service_pros": refused,
    "channel.maintenance": allowed,
  };

  it("add up to the total unread in the navigation", () => {
    const total = summary.reduce((sum, entry) => sum + entry.unread, 0);
    const chips = channelChips(summary, decisions, undefined);
    expect(chips.reduce((sum, chip) => sum + chip.unread, 0)).toBe(total);
  });

  it("show a switched-off channel only while it has unread messages", () => {
    const channels = channelChips(summary, decisions, undefined).map((chip) => chip.channel);
    expect(channels).toContain("owners");
    expect(channels).not.toContain("service_pros");
    expect(channels).toContain("maintenance");
  });

  it("show announcements once there are any", () => {
    const none = summary.map((entry) =>
      entry.channel === "announcements" ? { ...entry, present: false, unread: 0 } : entry,
    );
    expect(channelChips(none, decisions, undefined).map((c) => c.channel)).not.toContain(
      "announcements",
    );
    expect(channelChips(none, decisions, "announcements").map((c) => c.channel)).toContain(
      "announcements",
    );
  });
});
