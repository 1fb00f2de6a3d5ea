/**
 * Answering an announcement. Its recipients never see each other, so an answer never goes back
 * into the announcement: where replies are allowed, it opens a private conversation between that
 * recipient and the management ("reply privately").
 */
import { allow, type Check, deny } from "../decision";
import type { Rule, RuleSettings } from "../decisions";
import type { Actor, ConversationFacts } from "../facts";
import type { ReplyInput } from "../inputs";
import { checkConnection, checkLease, checkNotOperator, isManager } from "./gates";

const notAnnouncement = deny(
  "not_participant",
  "Only an announcement you received can be answered privately.",
);

export const announcementNoReply = deny(
  "no_reply",
  "This message was sent as an announcement and can't be replied to.",
);

/** For a recipient writing in an announcement: the refusal that sends them to "Reply privately". */
export function checkAnnouncementReply(
  knobs: RuleSettings,
  actor: Actor,
  conversation: ConversationFacts,
): Check {
  if (conversation.kind !== "broadcast" || isManager(actor)) return undefined;
  if (conversation.noReply) return announcementNoReply;
  return deny(
    "reply_privately",
    `Answers to an announcement go only to ${knobs.words.management}: use Reply privately.`,
  );
}

export const replyPrivately: Rule<ReplyInput> = (knobs, { actor, conversation }) => {
  const outsider = checkNotOperator(actor);
  if (outsider) return outsider;
  const received =
    conversation.kind === "broadcast" &&
    !isManager(actor) &&
    conversation.participants.some((party) => party.userId === actor.userId);
  if (!received) return notAnnouncement;
  if (conversation.noReply) return announcementNoReply;
  return (
    checkLease(knobs, actor, "reply", "self") ??
    checkConnection(knobs, actor, "self") ??
    allow(
      `Your answer opens a private conversation with ${knobs.words.management}; the other recipients don't see it.`,
    )
  );
};
