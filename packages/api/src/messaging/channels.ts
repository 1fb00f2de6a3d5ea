import type { ConversationKind, UserKind } from "@hearth/db";

export type InboxChannel =
  | "team"
  | "tenants"
  | "service_pros"
  | "owners"
  | "maintenance"
  | "announcements";

/**
 * Which inbox channel a conversation belongs to, from its kind and the kinds of the people in it
 * besides the viewer (seed 001: Team / Tenants / Service Pros / Owners / Maintenance Requests).
 */
export function channelOf(kind: ConversationKind, otherKinds: readonly UserKind[]): InboxChannel {
  if (kind === "team") return "team";
  if (kind === "maintenance") return "maintenance";
  if (kind === "broadcast") return "announcements";
  if (otherKinds.includes("resident")) return "tenants";
  if (otherKinds.includes("service_pro")) return "service_pros";
  if (otherKinds.includes("owner")) return "owners";
  return "team";
}
