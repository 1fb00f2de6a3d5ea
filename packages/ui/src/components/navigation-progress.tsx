import { useNavigation } from "@remix-run/react";

/**
 * A thin bar across the top while the next page loads. It waits a moment before showing, so a
 * quick navigation does not flash it, then creeps towards the end until the page arrives.
 */
export function NavigationProgress() {
  const busy = useNavigation().state !== "idle";
  if (!busy) return null;
  return (
    <div
      role="progressbar"
      aria-label="Loading page"
      className="fixed inset-x-0 top-0 z-50 h-0.5 overflow-hidden"
    >
      <div className="h-full origin-left animate-navigation-progress bg-brand-500" />
    </div>
  );
}
