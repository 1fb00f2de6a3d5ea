/** Writing in an existing conversation. */
import { allow, type Check, deny } from "../decision";
import type { Rule, RuleSettings } from "../decisions";
import type { Actor, ConversationFacts, Party } from "../facts";
import type { ReplyInput } from "../inputs";
import { capitalized } from "../vocabulary";
import { announcementNoReply, checkAnnouncementReply } from "./broadcast-replies";
import {
  checkConnection,
  checkLease,
  checkNotOperator,
  checkReachable,
  checkSubUser,
  isManager,
} from "./gates";
import { checkMemberPair } from "./member-messages";

/**
 * Managers share the organization's inbox, so a manager may write in any conversation that
 * includes a manager, except team chats and members' private conversations, which need membership.
 */
function checkTakesPart(actor: Actor, conversation: ConversationFacts): Check {
  const takesPart = conversation.participants.some((party) => party.userId === actor.userId);
  if (takesPart) return undefined;
  const sharedInbox =
    isManager(actor) && conversation.kind !== "team" && conversation.participants.some(isManager);
  if (sharedInbox) return undefined;
  return deny("not_participant", "You're not part of this conversation.");
}

function checkCounterparts(
  knobs: RuleSettings,
  actor: Actor,
  conversation: ConversationFacts,
): Check {
  const others = conversation.participants.filter(
    (party) => party.userId !== actor.userId && !isManager(party),
  );
  if (conversation.kind === "direct") {
    for (const party of others) {
      const refusal = checkReachable(knobs, party, "reply");
      if (refusal) return refusal;
    }
    return undefined;
  }
  if (conversation.kind === "unit_group" && others.length > 0) {
    const refusals = others.map((party) => checkReachable(knobs, party, "reply"));
    if (refusals.every((refusal) => refusal !== undefined)) {
      return deny(
        "lease_not_active",
        "No one in this group can receive messages any more. This conversation is read-only.",
      );
    }
  }
  return undefined;
}

/** In a direct conversation between two residents, the other one: member-to-member rules apply. */
function memberPeerOf(actor: Actor, conversation: ConversationFacts): Party | undefined {
  if (conversation.kind !== "direct" || conversation.participants.length !== 2) return undefined;
  if (!conversation.participants.every((party) => party.kind === "resident")) return undefined;
  return conversation.participants.find((party) => party.userId !== actor.userId);
}

function checkOwnGates(knobs: RuleSettings, actor: Actor): Check {
  if (isManager(actor)) {
    return checkSubUser(knobs, actor, "chat") ?? checkConnection(knobs, actor, "self");
  }
  return checkLease(knobs, actor, "reply", "self") ?? checkConnection(knobs, actor, "self");
}

export const reply: Rule<ReplyInput> = (knobs, { actor, conversation }) => {
  const outsider = checkNotOperator(actor) ?? checkTakesPart(actor, conversation);
  if (outsider) return outsider;
  if (conversation.noReply && !isManager(actor)) return announcementNoReply;
  const announcement = checkAnnouncementReply(knobs, actor, conversation);
  if (announcement) return announcement;
  const memberPeer = memberPeerOf(actor, conversation);
  if (memberPeer) {
    return (
      checkMemberPair(knobs, actor, memberPeer) ??
      allow(`${capitalized(knobs.words.resident.many)} may keep writing to each other.`)
    );
  }
  return (
    checkOwnGates(knobs, actor) ??
    checkCounterparts(knobs, actor, conversation) ??
    allow("May write in this conversation.")
  );
};
