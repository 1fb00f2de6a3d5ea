/** Checks shared by many rules: who the person is, their lease, connection and sub-user limits. */
import { type Check, deny, type Refused } from "../decision";
import type { RuleSettings } from "../decisions";
import type { Actor, LeaseStatus, OrganizationFacts, Party } from "../facts";
import type { Channel, Knobs } from "../knobs";
import { leaseStatusLabels, orList } from "../labels";
import { permissions, type SubUserCapability } from "../permissions";
import { channelName, type Vocabulary } from "../vocabulary";

/** Whose gate is checked: the actor's own, or someone else's. */
export type Subject = "self" | "other";

export function isManager(party: Party): boolean {
  return party.kind === "manager";
}

export function isAccountOwner(party: Party): boolean {
  return party.kind === "manager" && party.managerRole === "account_owner";
}

export function checkNotOperator(actor: Party): Check {
  if (actor.kind !== "operator") return undefined;
  return deny(
    "operator_cannot_message",
    "Operators manage organizations and don't take part in their conversations.",
  );
}

function leaseState(words: Vocabulary, status: LeaseStatus, subject: Subject): string {
  const whose = subject === "self" ? "Your lease" : `This ${words.resident.one}'s lease`;
  switch (status) {
    case "expired":
      return `${whose} has expired.`;
    case "future":
      return `${whose} hasn't started yet.`;
    case "active":
      return `${whose} is active.`;
    case "none":
      return subject === "self" ? "You have no lease." : `This ${words.resident.one} has no lease.`;
  }
}

/** Lease-state gate: only residents are gated; everyone else has no lease to check. */
export function checkLease(
  knobs: RuleSettings,
  party: Party,
  purpose: "start" | "reply",
  subject: Subject,
): Check {
  if (party.kind !== "resident") return undefined;
  const allowed = purpose === "start" ? knobs.startLeaseStatuses : knobs.replyLeaseStatuses;
  if (allowed.includes(party.leaseStatus)) return undefined;
  const tail =
    purpose === "reply"
      ? "This conversation is read-only."
      : allowed.length === 0
        ? `Conversations with ${knobs.words.resident.many} can't be started.`
        : `Conversations can be started only with ${knobs.words.resident.many} whose lease is ${orList(allowed.map((s) => leaseStatusLabels[s]))}.`;
  return deny("lease_not_active", `${leaseState(knobs.words, party.leaseStatus, subject)} ${tail}`);
}

/** Connection gate: where the profile requires it, everyone but the account owner must be connected. */
export function checkConnection(knobs: RuleSettings, party: Party, subject: Subject): Check {
  if (!knobs.requireConnection || isAccountOwner(party) || party.connection === "connected") {
    return undefined;
  }
  if (subject === "self") {
    return deny(
      "not_connected",
      "You can communicate only with connected users. Accept your invitation to connect first.",
    );
  }
  const state =
    party.connection === "invited"
      ? "has been invited but hasn't connected yet"
      : "isn't connected";
  return deny(
    "not_connected",
    `You can communicate only with connected users. This person ${state}.`,
  );
}

export function checkMemberActive(knobs: RuleSettings, party: Party, subject: Subject): Check {
  if (party.memberStatus !== "inactive") return undefined;
  const { one, many } = knobs.words.resident;
  return deny(
    "member_inactive",
    subject === "self"
      ? `Messages are available to active ${many} only.`
      : `This ${one} isn't active; messages go to active ${many} only.`,
  );
}

const subUserKnob = {
  chat: "subUserChat",
  broadcast: "subUserBroadcast",
  board: "subUserBoard",
} as const satisfies Record<SubUserCapability, keyof Knobs>;

const subUserRefusals: Record<SubUserCapability, Refused> = {
  chat: deny(
    "sub_user_chat_disabled",
    "Chat is available only for the main account user, not for sub-user accounts.",
  ),
  broadcast: deny(
    "sub_user_broadcast_disabled",
    "Broadcasts can be sent only by the main account user.",
  ),
  board: deny(
    "sub_user_board_disabled",
    "Only the main account user can manage the message board.",
  ),
};

/** Sub-user capability gate; account owners pass every capability. */
export function checkSubUser(
  knobs: RuleSettings,
  actor: Actor,
  capability: SubUserCapability,
): Check {
  if (actor.kind !== "manager" || actor.managerRole !== "sub_user") return undefined;
  const access = knobs[subUserKnob[capability]];
  if (access === "all") return undefined;
  if (access === "none") return subUserRefusals[capability];
  if (actor.permissions.includes(permissions[capability])) return undefined;
  return deny(
    "missing_permission",
    `Your account needs the "${permissions[capability]}" permission for this. Ask your account owner.`,
  );
}

/** A sub-user as a recipient: where sub-users have no chat at all, nobody can chat with them. */
export function checkSubUserReachable(knobs: RuleSettings, party: Party): Check {
  if (
    party.kind !== "manager" ||
    party.managerRole !== "sub_user" ||
    knobs.subUserChat !== "none"
  ) {
    return undefined;
  }
  return deny("sub_user_chat_disabled", "Chat isn't available for sub-user accounts.");
}

/** The inbox channel a person's conversations with the management appear in. */
export function channelOf(party: Party): Channel | undefined {
  switch (party.kind) {
    case "manager":
      return "team";
    case "resident":
      return "tenants";
    case "service_pro":
      return "service_pros";
    case "owner":
      return "owners";
    case "operator":
      return undefined;
  }
}

/** Channel gate: the channel is switched on, and Owners exists only in property-manager mode. */
export function checkChannel(knobs: RuleSettings, org: OrganizationFacts, channel: Channel): Check {
  if (!knobs.channels.includes(channel)) {
    return deny(
      "channel_disabled",
      `The ${channelName(knobs.words, channel)} channel isn't available.`,
    );
  }
  if (channel === "owners" && org.mode !== "property_manager") {
    return deny(
      "owners_channel_pm_mode_only",
      "The Owners channel is available only in Property Manager mode.",
    );
  }
  return undefined;
}

/** Everything a person someone else wants to reach must pass (the channel is checked by the caller). */
export function checkReachable(
  knobs: RuleSettings,
  party: Party,
  purpose: "start" | "reply",
): Check {
  if (party.kind === "operator") {
    return deny("recipient_not_allowed", "Operators can't be messaged here.");
  }
  return (
    checkLease(knobs, party, purpose, "other") ??
    checkConnection(knobs, party, "other") ??
    checkSubUserReachable(knobs, party)
  );
}
