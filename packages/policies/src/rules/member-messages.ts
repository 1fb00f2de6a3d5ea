/** Member-to-member messages: a setting, one recipient each, active members only (seed 003). */
import { allow, type Check, deny } from "../decision";
import type { Rule } from "../decisions";
import type { Party } from "../facts";
import type { MessageMemberInput } from "../inputs";
import type { Knobs } from "../knobs";
import { checkConnection, checkMemberActive } from "./gates";

const membersOnly = deny("members_only", "Member messages are exchanged between members only.");

/** Checks that apply to every message between two members, new or in an existing conversation. */
export function checkMemberPair(knobs: Knobs, actor: Party, other: Party): Check {
  if (!knobs.memberMessaging) {
    return deny(
      "member_messaging_disabled",
      "Messages between members are turned off for this space.",
    );
  }
  if (actor.kind !== "resident" || other.kind !== "resident") return membersOnly;
  return (
    checkMemberActive(actor, "self") ??
    checkMemberActive(other, "other") ??
    checkConnection(knobs, actor, "self") ??
    checkConnection(knobs, other, "other")
  );
}

export const messageMember: Rule<MessageMemberInput> = (knobs, { actor, recipients }) => {
  const [recipient, ...more] = recipients;
  if (!recipient) return deny("no_recipients", "Choose the member you're writing to.");
  if (more.length > 0) {
    return deny("one_recipient_only", "Messages can be sent to one member only.");
  }
  if (recipient.userId === actor.userId) {
    return deny("cannot_message_self", "You can't send a message to yourself.");
  }
  return (
    checkMemberPair(knobs, actor, recipient) ??
    allow("Members may message one active member at a time.")
  );
};
