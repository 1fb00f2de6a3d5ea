/** The unread count in the tab: "(3) Inbox · Hearth" and a badge drawn on the favicon. */
import { useEffect } from "react";

const COUNT_PREFIX = /^\(\d+\+?\) /;

function titled(title: string, count: number): string {
  const bare = title.replace(COUNT_PREFIX, "");
  return count > 0 ? `(${count > 99 ? "99+" : count}) ${bare}` : bare;
}

function faviconWithBadge(count: number): string | null {
  const canvas = document.createElement("canvas");
  canvas.width = 32;
  canvas.height = 32;
  const context = canvas.getContext("2d");
  if (!context) return null;
  context.fillStyle = "#1f5ad6";
  context.beginPath();
  context.roundRect(0, 0, 32, 32, 8);
  context.fill();
  context.fillStyle = "#dc2626";
  context.beginPath();
  context.arc(22, 10, 10, 0, Math.PI * 2);
  context.fill();
  context.fillStyle = "#ffffff";
  context.font = "bold 13px sans-serif";
  context.textAlign = "center";
  context.textBaseline = "middle";
  context.fillText(count > 9 ? "9+" : String(count), 22, 11);
  return canvas.toDataURL("image/png");
}

/**
 * Keeps the count in the title (Remix sets the title on each navigation, so `routeKey` re-applies
 * it) and on the favicon, restoring the plain icon at zero.
 */
export function useTabBadge(count: number, routeKey: string): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: routeKey re-applies after navigation
  useEffect(() => {
    document.title = titled(document.title, count);
  }, [count, routeKey]);

  useEffect(() => {
    const icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (!icon) return;
    const plain = icon.dataset.plainHref ?? icon.href;
    icon.dataset.plainHref = plain;
    icon.href = count > 0 ? (faviconWithBadge(count) ?? plain) : plain;
  }, [count]);
}
