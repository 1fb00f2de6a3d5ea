/**
 * "Someone else is viewing / typing": a short-lived event to the others in the conversation, so
 * two managers don't answer at once. Viewing goes to the managers; typing to everyone who may see
 * read receipts (the profile's rule for showing who is active in a thread).
 */
import { requireParticipation } from "../messaging/access";
import { publishLiveEvent } from "../realtime/hub";
import { type MemberContext, scopeWithConversation } from "./handled-conversation";

export type PresenceState = "viewing" | "typing";

/** Repeats closer than this are dropped: the apps send at most every 3 s (typing) or 20 s. */
const MIN_INTERVAL_MS = 2_000;
const MAX_REMEMBERED = 10_000;
const lastTold = new Map<string, number>();

/** Whether this person told this conversation this state too recently (per process). */
function tooSoon(key: string, now: number): boolean {
  const last = lastTold.get(key);
  if (last !== undefined && now - last < MIN_INTERVAL_MS) return true;
  if (lastTold.size >= MAX_REMEMBERED) lastTold.clear();
  lastTold.set(key, now);
  return false;
}

export async function announcePresence(
  ctx: MemberContext,
  conversationId: string,
  state: PresenceState,
): Promise<{ told: number }> {
  await requireParticipation(ctx.db, ctx.organizationId, conversationId, ctx.user.id);
  // A flood of presence calls must not flood the event log every tab reads.
  if (tooSoon(`${ctx.user.id}:${conversationId}:${state}`, ctx.clock.now().getTime()))
    return { told: 0 };
  const { scope, facts } = await scopeWithConversation(ctx, conversationId);
  const recipients = (facts?.participants ?? [])
    .filter((party) => party.userId !== ctx.user.id)
    .filter((party) =>
      state === "viewing"
        ? party.kind === "manager"
        : scope.policy.seeReadReceipts({ actor: party }).allowed,
    )
    .map((party) => party.userId);
  // Announcements never tell their recipients about each other.
  if (recipients.length === 0 || facts?.kind === "broadcast") return { told: 0 };
  await publishLiveEvent(ctx.db, {
    type: "presence",
    state,
    conversationId,
    userId: ctx.user.id,
    name: ctx.user.displayName,
    recipients,
  });
  return { told: recipients.length };
}
