/** Whom the composer's @ picker offers: the people the policy lets the actor mention here. */
import type { Context } from "../context";
import { conversationScope } from "../policy/gateway";

type MemberContext = Context & {
  organizationId: string;
  user: { id: string; displayName: string };
};

export interface MentionCandidate {
  userId: string;
  /** As typed after "@": the send recognises a mention by the display name (see `mentionsIn`). */
  name: string;
}

/** Nobody where the actor may not write here (e.g. an announcement that takes no replies). */
export async function mentionCandidates(
  ctx: MemberContext,
  conversationId: string,
): Promise<MentionCandidate[]> {
  const { scope, conversation } = await conversationScope(ctx, conversationId);
  if (!scope.policy.reply({ org: scope.orgFacts, actor: scope.actor, conversation }).allowed)
    return [];
  return conversation.participants
    .filter(
      (party) =>
        party.userId !== scope.actor.userId &&
        scope.policy.mention({ actor: scope.actor, conversation, mentioned: party }).allowed,
    )
    .map((party) => ({ userId: party.userId, name: conversation.names.get(party.userId) ?? "" }))
    .filter((candidate) => candidate.name.trim().length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
}
