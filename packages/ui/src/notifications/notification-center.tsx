/**
 * Notifications in the signed-in layout: the bell's dialog, toasts for messages arriving in
 * other conversations, the count in the tab, desktop notifications while the tab is in the
 * background, and the optional chime. The feed refetches on every live event (LiveUpdates).
 */
import { useLocation, useNavigate } from "@remix-run/react";
import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from "react";
import { trpc } from "../trpc";
import { playChime } from "./chime";
import { showDesktopNotification } from "./desktop-notification";
import { type FeedItem, itemHref, itemTitle } from "./feed-types";
import { NotificationsDialog } from "./notifications-dialog";
import { useTabBadge } from "./tab-badge";
import { Toasts } from "./toasts";
import { useArrivals } from "./use-arrivals";

interface Bell {
  fresh: number;
  open: () => void;
  expanded: boolean;
}

const BellContext = createContext<Bell | null>(null);

export function useBell(): Bell | null {
  return useContext(BellContext);
}

const MAX_TOASTS = 3;

export function NotificationCenter({
  conversationPath,
  settingsPath,
  children,
}: {
  /** Where conversations open in this app ("/inbox" or "/messages"). */
  conversationPath: string;
  settingsPath: string;
  children: ReactNode;
}) {
  const feed = trpc.notifications.feed.useQuery(undefined, { refetchOnWindowFocus: true });
  const utils = trpc.useUtils();
  const markSeen = trpc.notifications.markSeen.useMutation({
    onSuccess: () => utils.notifications.feed.invalidate(),
  });
  const markRead = trpc.notifications.markRead.useMutation({
    onSuccess: () => utils.notifications.feed.invalidate(),
  });
  const location = useLocation();
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [toasts, setToasts] = useState<FeedItem[]>([]);

  useTabBadge(feed.data?.unreadMessages ?? 0, location.key);

  useArrivals(feed.data?.items, (item) => {
    const href = itemHref(conversationPath, item);
    const here = location.pathname === href;
    if (document.visibilityState === "hidden" && item.desktop)
      showDesktopNotification({ title: itemTitle(item), body: item.excerpt, tag: item.key }, () =>
        navigate(href),
      );
    if (item.sound) playChime();
    if (!here)
      setToasts((shown) => [item, ...shown.filter((s) => s.key !== item.key)].slice(0, MAX_TOASTS));
  });

  const open = useCallback(() => {
    dialog.current?.showModal();
    setExpanded(true);
    // Seen is a write, so it is its own request, never a side effect of reading the feed.
    markSeen.mutate();
  }, [markSeen]);

  const closeToast = useCallback(
    (key: string) => setToasts((shown) => shown.filter((s) => s.key !== key)),
    [],
  );

  return (
    <BellContext.Provider value={{ fresh: feed.data?.fresh ?? 0, open, expanded }}>
      {children}
      <NotificationsDialog
        ref={dialog}
        items={feed.data?.items ?? []}
        conversationPath={conversationPath}
        settingsPath={settingsPath}
        onClose={() => {
          dialog.current?.close();
          setExpanded(false);
        }}
      />
      <Toasts
        items={toasts}
        conversationPath={conversationPath}
        onClose={closeToast}
        onOpen={(item) => {
          if (item.notificationId !== null) markRead.mutate({ ids: [item.notificationId] });
        }}
      />
    </BellContext.Provider>
  );
}

/** The bell in the shell; renders nothing outside a NotificationCenter. */
export function BellButton({ className = "" }: { className?: string }) {
  const bell = useBell();
  if (!bell) return null;
  const label = bell.fresh > 0 ? `Notifications, ${bell.fresh} new` : "Notifications";
  return (
    <button
      type="button"
      aria-haspopup="dialog"
      aria-expanded={bell.expanded}
      aria-label={label}
      title="Notifications"
      onClick={bell.open}
      className={`relative inline-flex h-9 w-9 items-center justify-center rounded-full text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 ${className}`}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path
          d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {bell.fresh > 0 ? (
        <span
          data-testid="bell-count"
          className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1.5 text-center text-xs font-semibold leading-5 text-white"
        >
          {bell.fresh > 99 ? "99+" : bell.fresh}
        </span>
      ) : null}
    </button>
  );
}
