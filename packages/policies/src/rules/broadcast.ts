/** Broadcasts: one-way messages from the management to an audience (seed 003 "To"). */
import { allow, type Check, deny } from "../decision";
import type { Rule, RuleSettings } from "../decisions";
import type { Actor } from "../facts";
import type {
  AudienceFilters,
  BroadcastAudience,
  ChooseAudienceInput,
  FilterAudienceInput,
  ReceiveBroadcastInput,
  SendBroadcastInput,
} from "../inputs";
import type { AudienceFilter, AudienceType } from "../knobs";
import { audienceLabels, filterLabels } from "../labels";
import { channelOf, checkChannel, checkConnection, checkLease, checkSubUser } from "./gates";

const filterKeys: Record<AudienceFilter, keyof AudienceFilters> = {
  property: "propertyIds",
  lease_status: "leaseStatuses",
  plan: "plans",
  member_status: "memberStatuses",
};

/** Whether the actor may broadcast at all, whatever the audience. */
function checkBroadcaster(knobs: RuleSettings, actor: Actor): Check {
  if (actor.kind !== "manager") {
    return deny("broadcast_managers_only", "Only managers can send broadcasts.");
  }
  if (!knobs.broadcasts) {
    return deny("broadcast_unavailable", "Broadcast messages aren't available.");
  }
  return checkSubUser(knobs, actor, "broadcast") ?? checkConnection(knobs, actor, "self");
}

function checkAudienceType(knobs: RuleSettings, type: AudienceType): Check {
  return knobs.broadcastAudiences.includes(type)
    ? undefined
    : deny("audience_unavailable", `Sending to ${audienceLabels[type]} isn't available.`);
}

function checkFilter(knobs: RuleSettings, filter: AudienceFilter): Check {
  return knobs.broadcastFilters.includes(filter)
    ? undefined
    : deny("filter_unavailable", `Filtering by ${filterLabels[filter]} isn't available.`);
}

function checkAudience(knobs: RuleSettings, audience: BroadcastAudience): Check {
  const type = checkAudienceType(knobs, audience.type);
  if (type) return type;
  if (audience.type === "specific" && audience.userIds.length === 0) {
    return deny("no_recipients", "Choose at least one contact.");
  }
  if (audience.type !== "filtered") return undefined;
  const used = (Object.keys(filterKeys) as AudienceFilter[]).filter(
    (filter) => (audience.filters[filterKeys[filter]]?.length ?? 0) > 0,
  );
  if (used.length === 0) return deny("filter_required", "Choose at least one filter.");
  for (const filter of used) {
    const refusal = checkFilter(knobs, filter);
    if (refusal) return refusal;
  }
  return undefined;
}

export const sendBroadcast: Rule<SendBroadcastInput> = (
  knobs,
  { actor, audience, recipientCount },
) =>
  checkBroadcaster(knobs, actor) ??
  (audience ? checkAudience(knobs, audience) : undefined) ??
  (recipientCount !== undefined && recipientCount < 1
    ? deny("no_recipients", "No one matches these recipients.")
    : undefined) ??
  allow(knobs.broadcastNoReply ? "May send a no-reply broadcast." : "May send a broadcast.");

export const chooseAudience: Rule<ChooseAudienceInput> = (knobs, { actor, audience }) =>
  checkBroadcaster(knobs, actor) ??
  checkAudienceType(knobs, audience) ??
  (audience === "filtered" && knobs.broadcastFilters.length === 0
    ? deny("filter_unavailable", "No filters are available for a filtered group.")
    : undefined) ??
  allow(`May send to ${audienceLabels[audience]}.`);

export const filterAudience: Rule<FilterAudienceInput> = (knobs, { actor, filter }) =>
  checkBroadcaster(knobs, actor) ??
  checkAudienceType(knobs, "filtered") ??
  checkFilter(knobs, filter) ??
  allow(`May filter recipients by ${filterLabels[filter]}.`);

/** Filters a resolved audience: people the policy can't reach are left out, not refused as a whole. */
export const receiveBroadcast: Rule<ReceiveBroadcastInput> = (knobs, { org, recipient }) => {
  const channel = channelOf(recipient);
  if (!channel || channel === "team") {
    return deny(
      "not_broadcast_recipient",
      `Broadcasts go to ${knobs.words.resident.many}, service pros and owners, not to the team.`,
    );
  }
  return (
    checkChannel(knobs, org, channel) ??
    checkLease(knobs, recipient, "start", "other") ??
    checkConnection(knobs, recipient, "other") ??
    allow("Receives the broadcast.")
  );
};
