/**
 * The shared team inbox: managers see and handle every conversation of the account that includes
 * the management, as far as the profile lets sub-users chat. Team chats stay with their members,
 * announcements live on the broadcasts page, and members' private conversations (no manager in
 * them) are never the team's.
 */
import { allow, type Check, deny } from "../decision";
import type { Rule, RuleSettings } from "../decisions";
import type { Actor, ConversationFacts } from "../facts";
import type { ActorInput, BeAssignedInput, HandleConversationInput } from "../inputs";
import { checkNotOperator, checkSubUser, isManager } from "./gates";

/** The conversation kinds the team handles together; the API's team views list these only. */
export const teamConversationKinds = ["direct", "unit_group", "maintenance"] as const;

function checkTeamMember(knobs: RuleSettings, actor: Actor): Check {
  const operator = checkNotOperator(actor);
  if (operator) return operator;
  if (!isManager(actor))
    return deny("team_inbox_managers_only", "Only managers share the team inbox.");
  return checkSubUser(knobs, actor, "chat");
}

function checkSharedWithTeam(conversation: ConversationFacts): Check {
  const teamKind = (teamConversationKinds as readonly string[]).includes(conversation.kind);
  if (teamKind && conversation.participants.some(isManager)) return undefined;
  return deny(
    "not_shared_with_team",
    conversation.kind === "team"
      ? "Team chats stay with the people in them."
      : conversation.kind === "broadcast"
        ? "Announcements are handled on the Broadcasts page."
        : "This conversation doesn't include the management, so it isn't the team's.",
  );
}

export const useTeamInbox: Rule<ActorInput> = (knobs, { actor }) =>
  checkTeamMember(knobs, actor) ?? allow("May use the team inbox.");

export const handleConversation: Rule<HandleConversationInput> = (knobs, { actor, conversation }) =>
  checkTeamMember(knobs, actor) ??
  checkSharedWithTeam(conversation) ??
  allow("May handle this conversation for the team.");

export const beAssigned: Rule<BeAssignedInput> = (knobs, { assignee }) => {
  if (!isManager(assignee))
    return deny("assignee_not_manager", "Conversations can be assigned to managers only.");
  if (checkSubUser(knobs, assignee, "chat"))
    return deny(
      "assignee_without_chat",
      "This team member can't chat, so conversations can't be assigned to them.",
    );
  return allow("May be assigned conversations.");
};
