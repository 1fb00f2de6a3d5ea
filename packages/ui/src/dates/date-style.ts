import {
  createContext,
  createElement,
  type ReactNode,
  useContext,
  useSyncExternalStore,
} from "react";

/** Whose clock and conventions a date is shown in: a time zone, and a locale (undefined: the runtime's). */
export interface DateStyle {
  timeZone: string;
  locale?: string | undefined;
  /** The moment "5 min ago" is measured from. */
  now?: Date;
}

/** The signed-in person's chosen time zone (null: their device's) and their organization's. */
interface ViewerZones {
  chosen: string | null;
  organization: string;
  /** When the server rendered the page (ms): "5 min ago" counts from it until hydration ends. */
  renderedAt: number | undefined;
}

const ViewerZonesContext = createContext<ViewerZones | null>(null);

/** Set by the signed-in layouts from the session (`users.timezone`) and the organization. */
export function DateStyleProvider({
  chosenTimeZone,
  organizationTimeZone,
  renderedAt,
  children,
}: {
  chosenTimeZone: string | null;
  organizationTimeZone: string | null | undefined;
  renderedAt?: number | undefined;
  children: ReactNode;
}) {
  const value = {
    chosen: chosenTimeZone,
    organization: organizationTimeZone ?? "UTC",
    renderedAt,
  };
  return createElement(ViewerZonesContext.Provider, { value }, children);
}

const MINUTE = 60_000;
let browserStyle: Required<DateStyle> | null = null;

function currentBrowserStyle(): Required<DateStyle> {
  const minute = Math.floor(Date.now() / MINUTE) * MINUTE;
  if (browserStyle?.now.getTime() !== minute) {
    browserStyle = {
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      locale: navigator.language,
      now: new Date(minute),
    };
  }
  return browserStyle;
}

function everyMinute(listener: () => void): () => void {
  const timer = setInterval(listener, MINUTE);
  return () => clearInterval(timer);
}

/**
 * Dates in the viewer's time zone and locale, with relative times kept fresh each minute. The
 * zone is the one the person chose in their account, else their device's. The server knows only
 * the chosen one, so without it the server renders (and hydration starts) with the organization's
 * zone (or `fallbackTimeZone` outside the signed-in layouts) in en-US, and the browser's own
 * conventions take over right after hydration.
 */
export function useDateStyle(fallbackTimeZone?: string): DateStyle {
  const zones = useContext(ViewerZonesContext);
  const browser = useSyncExternalStore(everyMinute, currentBrowserStyle, () => null);
  const serverZone = zones?.chosen ?? zones?.organization ?? fallbackTimeZone ?? "UTC";
  if (!browser) {
    // The server's clock, or hydration would disagree with the server when a minute turns.
    const renderedAt = zones?.renderedAt;
    return {
      timeZone: serverZone,
      locale: "en-US",
      ...(renderedAt === undefined ? {} : { now: new Date(renderedAt) }),
    };
  }
  return { ...browser, timeZone: zones?.chosen ?? browser.timeZone };
}
