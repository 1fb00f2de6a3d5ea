import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { newPage, screenshot, signIn, unique, useBrowser } from "./browser";

const { managerUrl, residentUrl } = inject("e2e");
const { browser } = useBrowser();

async function signedIn(
  baseUrl: string,
  email: string,
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const context = await browser().newContext({ viewport });
  const page = await newPage(context);
  await signIn(page, baseUrl, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

/** The count in "(3) Inbox · Hearth", or 0. */
async function titleCount(page: Page): Promise<number> {
  return Number((await page.title()).match(/^\((\d+)\+?\)/)?.[1] ?? 0);
}

async function residentSends(resident: Page, text: string) {
  await resident.goto(`${residentUrl}/messages`);
  await resident
    .getByRole("link", { name: /Morgan Reyes/ })
    .first()
    .click();
  await resident.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
  await resident.getByLabel("Message", { exact: true }).fill(text);
  await resident.getByLabel("Message", { exact: true }).press("Enter");
  await resident
    .getByRole("region", { name: /^Conversation:/ })
    .getByText(text)
    .waitFor();
}

describe("notifications in the browser", () => {
  it("a message in another conversation shows a toast that fades, and raises the count in the title", async () => {
    const manager = await signedIn(managerUrl, "owner@connected.demo");
    await manager.goto(`${managerUrl}/inbox`);
    await manager
      .getByRole("link", { name: /Unit 101/ })
      .first()
      .click();
    await manager.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    // Opening Unit 101 reads it, which lowers the count a moment later: measure after that.
    await manager.waitForTimeout(2_000);
    const before = await titleCount(manager);
    expect(before).toBeGreaterThan(0);

    const resident = await signedIn(residentUrl, "resident@connected.demo");
    const text = `Is the gym open late tonight? ${unique("toast")}`;
    await residentSends(resident, text);

    const toast = manager.getByTestId("notification-toast").filter({ hasText: text });
    await toast.waitFor({ timeout: 10_000 });
    await expect.poll(() => titleCount(manager), { timeout: 5_000 }).toBeGreaterThan(before);
    expect(
      await toast.getByRole("link", { name: "Open conversation" }).getAttribute("href"),
    ).toMatch(/^\/inbox\/[0-9a-f-]{36}$/);

    // The bell lists it too, and opening the bell marks it seen.
    await manager.getByRole("button", { name: /^Notifications, \d+ new$/ }).click();
    const dialog = manager.getByRole("dialog", { name: "Notifications" });
    await dialog.getByText(text).waitFor();
    await screenshot(manager, "notifications-dialog-desktop");
    await dialog.getByRole("button", { name: "Close" }).click();
    await manager.getByRole("button", { name: "Notifications", exact: true }).waitFor();

    // Untouched, the toast fades away after about 15 seconds.
    await toast.waitFor({ state: "detached", timeout: 20_000 });
    await manager.context().close();
    await resident.context().close();
  }, 90_000);

  it("an unread message becomes one digest email after the person's delay; a read one none", async () => {
    const manager = await signedIn(managerUrl, "owner@landlord-led.demo");
    await manager.goto(`${managerUrl}/settings/notifications`);
    await manager.getByLabel("Email me about unread messages after (minutes)").fill("1");
    await manager.getByRole("button", { name: "Save settings" }).click();
    await manager.getByText("Your notification settings are saved.").waitFor();
    await screenshot(manager, "notification-settings-desktop");

    const resident = await signedIn(residentUrl, "resident@landlord-led.demo");
    const readText = `Read right away ${unique("read")}`;
    await residentSends(resident, readText);
    // The manager reads it at once.
    await manager.goto(`${managerUrl}/inbox`);
    await manager
      .getByRole("link", { name: /Riley Chen/ })
      .first()
      .click();
    await manager
      .getByRole("region", { name: /^Conversation:/ })
      .getByText(readText)
      .waitFor();
    await manager.goto(`${managerUrl}/settings/notifications`);

    const unreadText = `Left unread ${unique("unread")}`;
    await residentSends(resident, unreadText);

    const digests = manager.getByRole("listitem").filter({ hasText: "owner@landlord-led.demo" });
    const deadline = Date.now() + 100_000;
    let found = 0;
    do {
      await manager.waitForTimeout(3_000);
      await manager.goto(`${managerUrl}/dev/mailbox`);
      found = await digests.filter({ hasText: unreadText }).count();
    } while (found === 0 && Date.now() < deadline);
    expect(found).toBe(1);
    expect(await digests.filter({ hasText: readText }).count()).toBe(0);
    const digest = digests.filter({ hasText: unreadText });
    await digest.getByText("From: Oakview Rentals").waitFor();
    await digest
      .getByText(/^List-Unsubscribe: </)
      .first()
      .waitFor();
    await manager.context().close();
    await resident.context().close();
  }, 150_000);

  it("the bell dialog and the settings page fit a phone", async () => {
    const resident = await signedIn(residentUrl, "resident@connected.demo", {
      width: 390,
      height: 844,
    });
    await resident.goto(`${residentUrl}/settings/notifications`);
    await resident.getByRole("heading", { name: "Notification settings" }).waitFor();
    await screenshot(resident, "notification-settings-phone");
    await resident
      .getByRole("button", { name: /^Notifications/ })
      .first()
      .click();
    await resident.getByRole("dialog", { name: "Notifications" }).waitFor();
    await screenshot(resident, "notifications-dialog-phone");
    await resident.keyboard.press("Escape");
    await resident.getByRole("dialog", { name: "Notifications" }).waitFor({ state: "hidden" });
    await resident.context().close();
  });
});
