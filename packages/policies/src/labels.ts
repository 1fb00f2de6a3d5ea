/** Human words for knob values, shared by refusal reasons and the rules table. */
import type { BoardCategory, LeaseStatus, MessageType } from "./facts";
import type { AudienceFilter, AudienceType, Channel, NotificationChannel } from "./knobs";

export const channelLabels: Record<Channel, string> = {
  team: "Team",
  tenants: "Tenants",
  service_pros: "Service Pros",
  owners: "Owners",
  maintenance: "Maintenance Requests",
};

export const audienceLabels: Record<AudienceType, string> = {
  all: "all contacts",
  filtered: "a filtered group",
  specific: "specific contacts",
};

export const filterLabels: Record<AudienceFilter, string> = {
  property: "location",
  lease_status: "lease status",
  plan: "plan",
  member_status: "member status",
};

export const notificationLabels: Record<NotificationChannel | "in_app", string> = {
  in_app: "In-app",
  email: "Email",
  sms: "SMS",
  push: "Push",
  desktop: "Desktop",
};

export const messageTypeLabels: Record<MessageType, string> = {
  general: "general",
  maintenance: "maintenance",
  payment_reminder: "payment reminder",
  lease: "lease",
  event: "event",
  document_request: "document request",
};

export const categoryLabels: Record<BoardCategory, string> = {
  notice: "notice",
  announcement: "announcement",
  job: "job posting",
  for_sale: "for sale",
  wanted: "wanted",
  lost_found: "lost and found",
};

export const leaseStatusLabels: Record<LeaseStatus, string> = {
  active: "active",
  future: "future",
  expired: "expired",
  none: "no lease",
};

/** "a", "a or b", "a, b or c". */
export function orList(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/** Formats a byte count the way a person reads it ("25 MB", "512 KB"). */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
