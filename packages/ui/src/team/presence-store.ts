/**
 * Who else is active in which conversation, from the live stream's presence events. Each entry
 * lapses on its own: "viewing" is repeated while a page stays open, "typing" while keys are
 * pressed, so a closed tab or a pause clears it without any event.
 */
export type PresenceState = "viewing" | "typing";

export interface Presence {
  userId: string;
  name: string;
  state: PresenceState;
  until: number;
}

const LASTS: Record<PresenceState, number> = { viewing: 45_000, typing: 6_000 };

const byConversation = new Map<string, Presence[]>();
const listeners = new Set<() => void>();
let version = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

function changed() {
  version += 1;
  for (const listener of listeners) listener();
}

/** Drops what has lapsed, then wakes again when the next entry lapses. */
function prune() {
  const now = Date.now();
  let dropped = false;
  let next = Number.POSITIVE_INFINITY;
  for (const [conversationId, list] of byConversation) {
    const kept = list.filter((entry) => entry.until > now);
    if (kept.length !== list.length) dropped = true;
    if (kept.length === 0) byConversation.delete(conversationId);
    else byConversation.set(conversationId, kept);
    for (const entry of kept) next = Math.min(next, entry.until);
  }
  if (timer) clearTimeout(timer);
  timer = Number.isFinite(next) ? setTimeout(prune, Math.max(next - now, 50)) : null;
  if (dropped) changed();
}

export function recordPresence(
  conversationId: string,
  event: { userId: string; name: string; state: PresenceState },
) {
  const others = (byConversation.get(conversationId) ?? []).filter(
    (entry) => !(entry.userId === event.userId && entry.state === event.state),
  );
  byConversation.set(conversationId, [
    ...others,
    { ...event, until: Date.now() + LASTS[event.state] },
  ]);
  changed();
  prune();
}

/** The people active in a conversation now, one line each: typing outranks viewing. */
export function presenceIn(conversationId: string): Presence[] {
  const now = Date.now();
  const active = (byConversation.get(conversationId) ?? []).filter((entry) => entry.until > now);
  const typing = active.filter((entry) => entry.state === "typing");
  const typingIds = new Set(typing.map((entry) => entry.userId));
  return [...typing, ...active.filter((e) => e.state === "viewing" && !typingIds.has(e.userId))];
}

export function subscribePresence(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Changes with every change of the store, for `useSyncExternalStore`. */
export function presenceVersion(): number {
  return version;
}
