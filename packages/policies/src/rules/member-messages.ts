/** Member-to-member messages: a setting, one recipient each, active members only (seed 003). */
import { allow, type Check, deny } from "../decision";
import type { Rule, RuleSettings } from "../decisions";
import type { Party } from "../facts";
import type { MessageMemberInput } from "../inputs";
import { capitalized } from "../vocabulary";
import { checkConnection, checkMemberActive } from "./gates";

/** Checks that apply to every message between two members, new or in an existing conversation. */
export function checkMemberPair(knobs: RuleSettings, actor: Party, other: Party): Check {
  const { many } = knobs.words.resident;
  if (!knobs.memberMessaging) {
    return deny(
      "member_messaging_disabled",
      `Messages between ${many} are turned off for ${knobs.words.place}.`,
    );
  }
  if (actor.kind !== "resident" || other.kind !== "resident") {
    return deny("members_only", `These messages are exchanged between ${many} only.`);
  }
  return (
    checkMemberActive(knobs, actor, "self") ??
    checkMemberActive(knobs, other, "other") ??
    checkConnection(knobs, actor, "self") ??
    checkConnection(knobs, other, "other")
  );
}

export const messageMember: Rule<MessageMemberInput> = (knobs, { actor, recipients }) => {
  const { one, many } = knobs.words.resident;
  const [recipient, ...more] = recipients;
  if (!recipient) return deny("no_recipients", `Choose the ${one} you're writing to.`);
  if (more.length > 0) {
    return deny("one_recipient_only", `Messages can be sent to one ${one} only.`);
  }
  if (recipient.userId === actor.userId) {
    return deny("cannot_message_self", "You can't send a message to yourself.");
  }
  return (
    checkMemberPair(knobs, actor, recipient) ??
    allow(`${capitalized(many)} may message one active ${one} at a time.`)
  );
};
