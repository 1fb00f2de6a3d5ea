import { useConnectionStatus } from "./connection-status";

/**
 * Says when the page can't reach the server: the browser is offline, or the live stream has been
 * down for a while. Unsent messages wait and go out on reconnect, so the banner says that too.
 */
export function OfflineBanner() {
  const { online, liveDown } = useConnectionStatus();
  if (online && !liveDown) return null;
  return (
    <div
      role="status"
      className="fixed left-1/2 top-2 z-40 w-max max-w-[calc(100vw-1rem)] -translate-x-1/2 rounded-full bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-900 shadow-lg ring-1 ring-amber-300"
    >
      {online
        ? "Reconnecting… New messages may be late."
        : "You're offline. Messages you send will go out when you're back online."}
    </div>
  );
}
