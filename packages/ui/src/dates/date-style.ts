import { useSyncExternalStore } from "react";

/** Whose clock and conventions a date is shown in: a time zone, and a locale (undefined: the runtime's). */
export interface DateStyle {
  timeZone: string;
  locale?: string | undefined;
  /** The moment "5 min ago" is measured from. */
  now?: Date;
}

const MINUTE = 60_000;
let viewerStyle: Required<DateStyle> | null = null;

function currentViewerStyle(): Required<DateStyle> {
  const minute = Math.floor(Date.now() / MINUTE) * MINUTE;
  if (viewerStyle?.now.getTime() !== minute) {
    viewerStyle = {
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      locale: navigator.language,
      now: new Date(minute),
    };
  }
  return viewerStyle;
}

function everyMinute(listener: () => void): () => void {
  const timer = setInterval(listener, MINUTE);
  return () => clearInterval(timer);
}

/**
 * Dates in the viewer's own time zone and locale, with relative times kept fresh each minute.
 * The server can't know those, so it renders (and hydration starts) with `fallbackTimeZone` in
 * en-US; the browser's own conventions take over right after hydration.
 */
export function useDateStyle(fallbackTimeZone: string): DateStyle {
  const viewer = useSyncExternalStore(everyMinute, currentViewerStyle, () => null);
  return viewer ?? { timeZone: fallbackTimeZone, locale: "en-US" };
}
