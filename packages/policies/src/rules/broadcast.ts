/** Broadcasts: one-way messages from the management to an audience (seed 003 "To"). */
import { allow, type Check, deny } from "../decision";
import type { Rule } from "../decisions";
import type {
  AudienceFilters,
  BroadcastAudience,
  ReceiveBroadcastInput,
  SendBroadcastInput,
} from "../inputs";
import type { AudienceFilter, Knobs } from "../knobs";
import { audienceLabels, filterLabels } from "../labels";
import { channelOf, checkChannel, checkConnection, checkLease, checkSubUser } from "./gates";

const filterKeys: Record<AudienceFilter, keyof AudienceFilters> = {
  property: "propertyIds",
  lease_status: "leaseStatuses",
  plan: "plans",
  member_status: "memberStatuses",
};

function checkAudience(knobs: Knobs, audience: BroadcastAudience): Check {
  if (!knobs.broadcastAudiences.includes(audience.type)) {
    return deny(
      "audience_unavailable",
      `Sending to ${audienceLabels[audience.type]} isn't available.`,
    );
  }
  if (audience.type === "specific" && audience.userIds.length === 0) {
    return deny("no_recipients", "Choose at least one contact.");
  }
  if (audience.type !== "filtered") return undefined;
  const used = (Object.keys(filterKeys) as AudienceFilter[]).filter(
    (filter) => (audience.filters[filterKeys[filter]]?.length ?? 0) > 0,
  );
  if (used.length === 0) return deny("filter_required", "Choose at least one filter.");
  const unsupported = used.find((filter) => !knobs.broadcastFilters.includes(filter));
  if (unsupported) {
    return deny("filter_unavailable", `Filtering by ${filterLabels[unsupported]} isn't available.`);
  }
  return undefined;
}

export const sendBroadcast: Rule<SendBroadcastInput> = (
  knobs,
  { actor, audience, recipientCount },
) => {
  if (actor.kind !== "manager") {
    return deny("broadcast_managers_only", "Only managers can send broadcasts.");
  }
  if (!knobs.broadcasts) {
    return deny("broadcast_unavailable", "Broadcast messages aren't available.");
  }
  return (
    checkSubUser(knobs, actor, "broadcast") ??
    checkConnection(knobs, actor, "self") ??
    (audience ? checkAudience(knobs, audience) : undefined) ??
    (recipientCount !== undefined && recipientCount < 1
      ? deny("no_recipients", "No one matches these recipients.")
      : undefined) ??
    allow(knobs.broadcastNoReply ? "May send a no-reply broadcast." : "May send a broadcast.")
  );
};

/** Filters a resolved audience: people the policy can't reach are left out, not refused as a whole. */
export const receiveBroadcast: Rule<ReceiveBroadcastInput> = (knobs, { org, recipient }) => {
  const channel = channelOf(recipient);
  if (!channel || channel === "team") {
    return deny(
      "not_broadcast_recipient",
      "Broadcasts go to residents, service pros and owners, not to the team.",
    );
  }
  return (
    checkChannel(knobs, org, channel) ??
    checkLease(knobs, recipient, "start", "other") ??
    checkConnection(knobs, recipient, "other") ??
    allow("Receives the broadcast.")
  );
};
