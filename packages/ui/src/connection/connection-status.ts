import { useSyncExternalStore } from "react";

/** How long the live stream may be down before the page says so: a reconnect is usually quicker. */
export const LIVE_GRACE_MS = 5_000;

export interface ConnectionStatus {
  online: boolean;
  /** The live stream has been down for longer than the grace period. */
  liveDown: boolean;
}

const ONLINE: ConnectionStatus = { online: true, liveDown: false };
let status: ConnectionStatus = ONLINE;
let liveDownTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function update(change: Partial<ConnectionStatus>): void {
  const next = { ...status, ...change };
  if (next.online === status.online && next.liveDown === status.liveDown) return;
  status = next;
  for (const listener of listeners) listener();
}

/** Called by the live stream: whether it is connected right now. */
export function reportLiveConnected(connected: boolean): void {
  if (connected) {
    clearTimeout(liveDownTimer);
    liveDownTimer = undefined;
    update({ liveDown: false });
    return;
  }
  liveDownTimer ??= setTimeout(() => update({ liveDown: true }), LIVE_GRACE_MS);
}

function subscribe(listener: () => void): () => void {
  const sync = () => update({ online: navigator.onLine });
  if (listeners.size === 0) {
    window.addEventListener("online", sync);
    window.addEventListener("offline", sync);
  }
  listeners.add(listener);
  sync();
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    window.removeEventListener("online", sync);
    window.removeEventListener("offline", sync);
  };
}

/** Whether the browser is online and the live stream up; the server always renders "online". */
export function useConnectionStatus(): ConnectionStatus {
  return useSyncExternalStore(
    subscribe,
    () => status,
    () => ONLINE,
  );
}
