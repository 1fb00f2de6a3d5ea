/** Asks the browser for desktop notifications, only when the person clicks. */
import { useEffect, useState } from "react";
import { askDesktopPermission, desktopPermission } from "./desktop-notification";

const statusText: Record<NotificationPermission | "unsupported", string> = {
  granted: "This browser shows desktop notifications.",
  denied:
    "This browser blocks notifications from this site; allow them in the browser's site settings.",
  default: "This browser hasn't been asked yet.",
  unsupported: "This browser can't show desktop notifications.",
};

export function DesktopPermission() {
  // Unknown until after hydration: the server can't know the browser's answer.
  const [permission, setPermission] = useState<NotificationPermission | "unsupported" | null>(null);
  useEffect(() => setPermission(desktopPermission()), []);
  if (permission === null) return null;
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-600">
      <span role="status">{statusText[permission]}</span>
      {permission === "default" ? (
        <button
          type="button"
          onClick={async () => setPermission(await askDesktopPermission())}
          className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
        >
          Allow desktop notifications in this browser
        </button>
      ) : null}
    </div>
  );
}
