import { useEffect, useRef } from "react";
import { useConnectionStatus } from "./connection-status";

/** Runs `onReconnect` each time the browser comes back online. */
export function useOnReconnect(onReconnect: () => void): void {
  const { online } = useConnectionStatus();
  const wasOnline = useRef(online);
  const latest = useRef(onReconnect);
  latest.current = onReconnect;
  useEffect(() => {
    if (online && !wasOnline.current) latest.current();
    wasOnline.current = online;
  }, [online]);
}
