import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";
import { trpc } from "../trpc";
import { type Presence, presenceIn, presenceVersion, subscribePresence } from "./presence-store";

const VIEWING_EVERY = 20_000;
const TYPING_EVERY = 3_000;

/** The others active in this conversation now (from the live stream). */
export function useOthersPresent(conversationId: string): Presence[] {
  useSyncExternalStore(subscribePresence, presenceVersion, () => 0);
  return presenceIn(conversationId);
}

/**
 * Tells the others that the viewer has this conversation open (managers: so two don't answer at
 * once), repeated while the tab is visible; returns the function to call as the viewer types,
 * which tells them at most every few seconds.
 */
export function useAnnouncePresence(conversationId: string, viewing: boolean): () => void {
  const presence = trpc.team.presence.useMutation();
  const announce = presence.mutate;
  useEffect(() => {
    if (!viewing) return;
    const tell = () => {
      if (document.visibilityState === "visible")
        announce({ id: conversationId, state: "viewing" });
    };
    tell();
    const every = setInterval(tell, VIEWING_EVERY);
    document.addEventListener("visibilitychange", tell);
    return () => {
      clearInterval(every);
      document.removeEventListener("visibilitychange", tell);
    };
  }, [conversationId, viewing, announce]);
  const lastTyped = useRef(0);
  return useCallback(() => {
    const now = Date.now();
    if (now - lastTyped.current < TYPING_EVERY) return;
    lastTyped.current = now;
    announce({ id: conversationId, state: "typing" });
  }, [conversationId, announce]);
}
