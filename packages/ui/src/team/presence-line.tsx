import { useOthersPresent } from "./use-presence";

/** "Taylor Brooks is viewing", "Riley Chen is typing…": who else is active here right now. */
export function PresenceLine({ conversationId }: { conversationId: string }) {
  const present = useOthersPresent(conversationId);
  return (
    <p aria-live="polite" className="min-h-0 px-4 text-xs text-slate-600 empty:hidden">
      {present
        .map((p) => (p.state === "typing" ? `${p.name} is typing…` : `${p.name} is viewing`))
        .join(" · ")}
    </p>
  );
}
