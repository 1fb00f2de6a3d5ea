/** Starting a conversation: who may start which kind, with whom and how many. */
import { allow, type Check, deny, type Refused, refusalOf } from "../decision";
import type { Rule, RuleSettings } from "../decisions";
import type { Actor, ConversationKind, OrganizationFacts, Party } from "../facts";
import type { StartConversationInput } from "../inputs";
import { sendBroadcast } from "./broadcast";
import {
  channelOf,
  checkChannel,
  checkConnection,
  checkLease,
  checkNotOperator,
  checkReachable,
  checkSubUser,
} from "./gates";
import { messageMember } from "./member-messages";

const automatic = deny(
  "maintenance_thread_automatic",
  "Maintenance threads are created automatically from maintenance requests.",
);

/** Refusal for a non-manager who may not start conversations in this profile. */
export function cannotInitiate(knobs: RuleSettings, actor: Party): Refused {
  return actor.kind === "resident"
    ? deny(
        "tenant_cannot_initiate",
        `You can't start a chat from your portal. You can reply once ${knobs.words.management} starts one.`,
      )
    : deny(
        "cannot_initiate",
        "You can't start a conversation here. You can reply once the management starts one.",
      );
}

function checkEach(recipients: readonly Party[], check: (party: Party) => Check): Check {
  for (const party of recipients) {
    const refusal = check(party);
    if (refusal) return refusal;
  }
  return undefined;
}

function startAsManager(
  knobs: RuleSettings,
  org: OrganizationFacts,
  actor: Actor,
  kind: Exclude<ConversationKind, "broadcast" | "maintenance">,
  recipients: readonly Party[],
): Check {
  const chatGate = checkSubUser(knobs, actor, "chat") ?? checkConnection(knobs, actor, "self");
  if (chatGate) return chatGate;
  switch (kind) {
    case "direct": {
      const [recipient, ...more] = recipients;
      if (!recipient) return deny("no_recipients", "Choose who you're writing to.");
      if (more.length > 0) {
        return deny(
          "one_recipient_only",
          knobs.unitGroupChats
            ? `A chat with one person has one recipient. To write to several ${knobs.words.resident.many}, choose their unit.`
            : "A direct conversation has exactly one recipient.",
        );
      }
      if (recipient.kind !== "manager" && !knobs.managerChat) {
        return deny(
          "notifications_only",
          "Messages from the admin side are notifications and can't be used for chat. Send a message to specific contacts instead.",
        );
      }
      const channel = channelOf(recipient);
      return (
        (channel ? checkChannel(knobs, org, channel) : undefined) ??
        checkReachable(knobs, recipient, "start")
      );
    }
    case "unit_group":
      if (!knobs.unitGroupChats) {
        return deny("unit_group_disabled", "Group chats with a whole unit aren't available.");
      }
      if (recipients.length === 0) {
        return deny(
          "no_recipients",
          `No ${knobs.words.resident.one} of this unit can receive messages.`,
        );
      }
      if (recipients.some((party) => party.kind !== "resident")) {
        return deny(
          "unit_group_residents_only",
          `A unit group chat includes only the unit's ${knobs.words.resident.many}.`,
        );
      }
      return (
        checkChannel(knobs, org, "tenants") ??
        checkEach(recipients, (party) => checkReachable(knobs, party, "start"))
      );
    case "team":
      if (recipients.length === 0)
        return deny("no_recipients", "Choose at least one person from your team.");
      if (recipients.some((party) => party.kind !== "manager")) {
        return deny("team_managers_only", "Team chats are only for you and your sub-users.");
      }
      return (
        checkChannel(knobs, org, "team") ??
        checkEach(recipients, (party) => checkReachable(knobs, party, "start"))
      );
  }
}

function startAsContact(
  knobs: RuleSettings,
  org: OrganizationFacts,
  actor: Actor,
  recipients: readonly Party[],
): Check {
  const [recipient, ...more] = recipients;
  if (!recipient) return deny("no_recipients", "Choose who you're writing to.");
  if (recipient.kind === "resident" && actor.kind === "resident") {
    return refusalOf(messageMember(knobs, { actor, recipients }));
  }
  if (!knobs.initiators.some((kind) => kind === actor.kind)) return cannotInitiate(knobs, actor);
  if (more.length > 0) {
    return deny("one_recipient_only", "A direct conversation has exactly one recipient.");
  }
  if (recipient.kind !== "manager") {
    return deny("recipient_not_allowed", `Here you can write only to ${knobs.words.management}.`);
  }
  const channel = channelOf(actor);
  return (
    (channel ? checkChannel(knobs, org, channel) : undefined) ??
    checkLease(knobs, actor, "start", "self") ??
    checkConnection(knobs, actor, "self") ??
    checkReachable(knobs, recipient, "start")
  );
}

export const startConversation: Rule<StartConversationInput> = (
  knobs,
  { org, actor, kind, recipients },
) => {
  const operator = checkNotOperator(actor);
  if (operator) return operator;
  if (recipients.some((party) => party.userId === actor.userId)) {
    return deny("cannot_message_self", "You can't start a conversation with yourself.");
  }
  if (kind === "maintenance") return automatic;
  if (kind === "broadcast") {
    return sendBroadcast(knobs, {
      actor,
      audience: { type: "specific", userIds: recipients.map((party) => party.userId) },
      recipientCount: recipients.length,
    });
  }
  if (actor.kind !== "manager") {
    if (kind !== "direct") {
      return deny("managers_only", "Only managers can start group conversations.");
    }
    return startAsContact(knobs, org, actor, recipients) ?? allow("May start this conversation.");
  }
  return (
    startAsManager(knobs, org, actor, kind, recipients) ?? allow("May start this conversation.")
  );
};
