/**
 * Web Push and the @mention picker in a real Chromium (issue 11).
 *
 * Headless Chromium here has no internet, so no browser vendor's push service is reachable: the
 * test makes the subscription's keys itself (ECDH P-256 and an auth secret, as
 * `pushManager.subscribe` would), a loopback stand-in push service takes the server's push (it
 * checks the VAPID signature and decrypts the aes128gcm body), and the decrypted payload is handed
 * to the page's service worker over the DevTools protocol (`ServiceWorker.deliverPushMessage`),
 * as the browser does with what its vendor's service sends it.
 */
import { type StandInPushService, startStandInPushService } from "@hearth/api/testing/push-service";
import type { CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousFindings } from "./axe";
import { newPage, screenshot, signIn, unique, useBrowser } from "./browser";
import { signedIn, thread } from "./signed-in";

const { managerUrl, residentUrl } = inject("e2e");
const { browser } = useBrowser();

let service: StandInPushService;
beforeAll(async () => {
  service = await startStandInPushService();
});
afterAll(() => service.close());

/** A signed-in page whose context keeps the apps' CSP (no bypass), as a person's browser does. */
async function withCsp(baseUrl: string, email: string): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(["notifications"], { origin: baseUrl });
  const page = await newPage(context);
  await signIn(page, baseUrl, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

/** Calls a tRPC mutation from the page, as its own scripts would. */
async function mutate(page: Page, path: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ path, input }) => {
      const response = await fetch(`/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: input }),
      });
      if (!response.ok) throw new Error(`${path} failed: ${await response.text()}`);
      return response.json();
    },
    { path, input },
  );
}

/** The service worker registration's id for `scope`, as DevTools knows it. */
async function registrationId(cdp: CDPSession, scope: string): Promise<string> {
  const found = new Promise<string>((resolve) => {
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const match = registrations.find((r) => r.scopeURL === scope && !r.isDeleted);
      if (match) resolve(match.registrationId);
    });
  });
  await cdp.send("ServiceWorker.enable");
  return found;
}

async function notificationsTagged(page: Page, tag: string) {
  return page.evaluate(async (tag) => {
    const registration = await navigator.serviceWorker.ready;
    const shown = await registration.getNotifications({ tag });
    return shown.map((n) => ({ title: n.title, body: n.body, url: n.data?.url as string }));
  }, tag);
}

describe("Web Push", () => {
  it("a message sent while no tab is open reaches the service worker as a push, which shows it", async () => {
    const resident = await withCsp(residentUrl, "resident@standard.demo");
    await resident.goto(`${residentUrl}/messages`);
    await resident
      .getByRole("link", { name: /Morgan Reyes/ })
      .first()
      .click();
    await resident.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    const conversationId = new URL(resident.url()).pathname.split("/").pop() ?? "";

    // The settings page offers push on this device (the standard profile sends push).
    await resident.goto(`${residentUrl}/settings/notifications`);
    await resident.getByLabel("Push notifications on this device").waitFor();

    // The service worker registers under the app's own CSP.
    const scope = await resident.evaluate(async () => {
      const registration = await navigator.serviceWorker.register("/sw.js");
      await navigator.serviceWorker.ready;
      return registration.scope;
    });
    expect(scope).toBe(`${residentUrl}/`);
    const cdp = await resident.context().newCDPSession(resident);
    const registration = await registrationId(cdp, scope);

    const subscription = service.subscription();
    await mutate(resident, "push.subscribe", {
      endpoint: subscription.endpoint,
      keys: subscription.keys,
    });

    // No tab of the app open: the page leaves for another site.
    await resident.goto(`${managerUrl}/login`);
    const manager = await signedIn(browser(), managerUrl, "owner@standard.demo");
    const text = `The boiler is serviced tomorrow at 9. ${unique("push")}`;
    await manager.evaluate(
      async ({ conversationId, text }) => {
        const response = await fetch("/api/trpc/conversations.send", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            json: { conversationId, clientId: crypto.randomUUID(), body: text, type: "general" },
          }),
        });
        if (!response.ok) throw new Error(`send failed: ${await response.text()}`);
      },
      { conversationId, text },
    );

    // The server's job pushed it to the push service, signed and encrypted for this browser.
    await expect
      .poll(() => service.received.filter((p) => p.endpoint === subscription.endpoint).length, {
        timeout: 20_000,
      })
      .toBe(1);
    expect(service.refused).toEqual([]);
    const push = service.received.find((p) => p.endpoint === subscription.endpoint);
    const payload = JSON.parse(push?.text ?? "{}");
    expect(payload).toMatchObject({
      title: "Morgan Reyes",
      body: text,
      url: `/messages/${conversationId}`,
    });

    // The browser hands it to the service worker, which shows a notification.
    await cdp.send("ServiceWorker.deliverPushMessage", {
      origin: residentUrl,
      registrationId: registration,
      data: push?.text ?? "",
    });
    await resident.goto(`${residentUrl}/settings/notifications`);
    await expect
      .poll(() => notificationsTagged(resident, payload.tag), { timeout: 10_000 })
      .toEqual([{ title: "Morgan Reyes", body: text, url: `/messages/${conversationId}` }]);

    // With a tab open, the service worker tells the tab (which toasts it itself).
    await resident.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { pushesSeen: unknown[] }).pushesSeen = seen;
      navigator.serviceWorker.addEventListener("message", (event) => seen.push(event.data));
    });
    await cdp.send("ServiceWorker.deliverPushMessage", {
      origin: residentUrl,
      registrationId: registration,
      data: JSON.stringify({ ...payload, tag: "second" }),
    });
    await expect
      .poll(
        () => resident.evaluate(() => (window as unknown as { pushesSeen: unknown[] }).pushesSeen),
        {
          timeout: 10_000,
        },
      )
      .toMatchObject([{ type: "hearth:push", push: { body: text } }]);

    // The toggle knows this browser is subscribed only when its own subscription is saved;
    // axe finds nothing serious on the page.
    const axePage = await signedIn(browser(), residentUrl, "resident@standard.demo");
    await axePage.goto(`${residentUrl}/settings/notifications`);
    await axePage.getByLabel("Push notifications on this device").waitFor();
    expect(await seriousFindings(axePage)).toEqual([]);
    await screenshot(axePage, "push-settings");
    await axePage.context().close();

    await manager.context().close();
    await resident.context().close();
  }, 120_000);
});

describe("the @mention picker", () => {
  it("offers the conversation's people, picks with the keyboard, and the pick notifies them", async () => {
    const resident = await signedIn(browser(), residentUrl, "resident@connected.demo");
    await resident.goto(`${residentUrl}/messages`);
    await resident
      .getByRole("link", { name: /Morgan Reyes/ })
      .first()
      .click();
    await resident.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    const box = resident.getByRole("combobox", { name: "Message", exact: true });
    await box.click();
    await box.pressSequentially("Hello @mor");
    const list = resident.getByRole("listbox", { name: "People you can mention" });
    await list.waitFor();
    const option = list.getByRole("option", { name: "@Morgan Reyes" });
    expect(await option.getAttribute("aria-selected")).toBe("true");
    expect(await box.getAttribute("aria-expanded")).toBe("true");
    expect(await box.getAttribute("aria-activedescendant")).toBe(await option.getAttribute("id"));
    expect(await seriousFindings(resident)).toEqual([]);
    await screenshot(resident, "mention-picker");

    // Escape closes it, and typing on in that mention keeps it closed; a new "@" opens it again.
    await box.press("Escape");
    await list.waitFor({ state: "detached" });
    expect(await box.getAttribute("aria-expanded")).toBe("false");
    await box.pressSequentially("g");
    expect(await box.getAttribute("aria-expanded")).toBe("false");
    for (let i = 0; i < "@morg".length; i++) await box.press("Backspace");
    await box.pressSequentially("@Mor");
    await list.waitFor();
    await box.press("ArrowDown");
    await box.press("ArrowUp");
    expect(await option.getAttribute("aria-selected")).toBe("true");

    // Enter picks (rather than sending), writing the name the server recognises.
    await box.press("Enter");
    await list.waitFor({ state: "detached" });
    expect(await box.inputValue()).toBe("Hello @Morgan Reyes ");
    const text = `the hallway light is out ${unique("mention")}`;
    await box.pressSequentially(text);
    await box.press("Enter");
    await thread(resident).getByText(text, { exact: false }).waitFor();

    // Morgan is told: the bell lists the mention.
    const manager = await signedIn(browser(), managerUrl, "owner@connected.demo");
    await manager.goto(`${managerUrl}/inbox`);
    await manager.getByRole("button", { name: /^Notifications, \d+ new$/ }).click();
    const dialog = manager.getByRole("dialog", { name: "Notifications" });
    const item = dialog.getByRole("listitem").filter({ hasText: text }).first();
    await item.waitFor();
    expect(await item.textContent()).toContain("Mention");
    await manager.context().close();
    await resident.context().close();
  }, 90_000);
});
