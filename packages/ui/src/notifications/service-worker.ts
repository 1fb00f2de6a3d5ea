/**
 * The service worker both apps serve at `/sw.js` (a route, so it passes the front door and its
 * CSP like every response). It shows a Web Push as a notification, unless a window of the app is
 * visible and focused (that tab already shows a toast), and a click opens the conversation,
 * focusing a window that has it open. Plain script: it runs in the worker, not through the build.
 */
const script = `"use strict";
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

/** Only a path of this origin: a push never sends the browser elsewhere. */
function samePath(url) {
  return typeof url === "string" && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}

self.addEventListener("push", (event) => {
  event.waitUntil((async () => {
    let push = null;
    try {
      push = event.data ? event.data.json() : null;
    } catch (_) {
      push = null;
    }
    if (!push || typeof push.title !== "string") return;
    const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    const watched = windows.some((client) => client.visibilityState === "visible" && client.focused);
    for (const client of windows)
      client.postMessage({ type: "hearth:push", push, shown: !watched });
    if (watched) return;
    await self.registration.showNotification(push.title, {
      body: typeof push.body === "string" ? push.body : "",
      tag: typeof push.tag === "string" ? push.tag : undefined,
      data: { url: samePath(push.url) },
    });
  })());
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL(samePath(event.notification.data && event.notification.data.url), self.location.origin).href;
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    const showing = windows.find((client) => client.url === url);
    if (showing) return showing.focus();
    const other = windows.find((client) => "navigate" in client);
    if (other) {
      await other.focus();
      return other.navigate(url);
    }
    return self.clients.openWindow(url);
  })());
});
`;

/** The `/sw.js` response: never cached long, so a new version reaches browsers at once. */
export function serviceWorkerResponse(): Response {
  return new Response(script, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "no-cache",
    },
  });
}
