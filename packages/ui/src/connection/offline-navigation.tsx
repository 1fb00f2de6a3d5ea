import { useBlocker } from "@remix-run/react";
import { useEffect } from "react";
import { useConnectionStatus } from "./connection-status";

/**
 * Keeps the current page while offline instead of failing into an error page: a navigation
 * started offline waits (the offline banner says why) and goes ahead once the browser is back.
 */
export function OfflineNavigationGuard() {
  const { online } = useConnectionStatus();
  const blocker = useBlocker(() => !navigator.onLine);
  useEffect(() => {
    if (online && blocker.state === "blocked") blocker.proceed();
  }, [online, blocker]);
  return null;
}
