import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { seriousFindings } from "./axe";
import { newPage, screenshot, signIn, useBrowser } from "./browser";
import { desktop, signedIn, thread } from "./signed-in";

const { managerUrl, residentUrl } = inject("e2e");
const { browser } = useBrowser();

/** The newest message's time as shown, and what it should read in `timeZone`. */
async function newestTime(page: Page, timeZone: string) {
  const time = thread(page).locator("time").last();
  await time.waitFor();
  const iso = await time.getAttribute("datetime");
  const expected = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(iso ?? ""));
  return { shown: (await time.textContent())?.trim(), expected };
}

describe("dates in the viewer's time zone", () => {
  it("follow the device until the person picks a zone on their account page", async () => {
    const context = await browser().newContext({
      viewport: desktop,
      timezoneId: "America/New_York",
      locale: "en-US",
      bypassCSP: true,
    });
    const page = await newPage(context);
    await signIn(page, residentUrl, "roommate@connected.demo");
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    const openThread = async () => {
      await page.goto(`${residentUrl}/messages`);
      await page.getByRole("list", { name: "Conversations" }).getByRole("link").first().click();
      await thread(page).waitFor();
    };

    await openThread();
    const device = await newestTime(page, "America/New_York");
    expect(device.shown).toBe(device.expected);

    await page.goto(`${residentUrl}/account`);
    expect(await seriousFindings(page)).toEqual([]);
    await page.getByRole("combobox", { name: "Time zone" }).selectOption("Asia/Tokyo");
    await page.getByRole("button", { name: "Save time zone" }).click();
    await page.getByText("Dates now show in Asia/Tokyo time.").waitFor();
    await screenshot(page, "account-time-zone");

    await openThread();
    const chosen = await newestTime(page, "Asia/Tokyo");
    expect(chosen.shown).toBe(chosen.expected);

    await page.goto(`${residentUrl}/account`);
    await page.getByRole("combobox", { name: "Time zone" }).selectOption("");
    await page.getByRole("button", { name: "Save time zone" }).click();
    await page.getByText("Dates now follow this device's time zone.").waitFor();
    await context.close();
  });
});

describe("side panels at 1280 px", () => {
  it("sit beside the thread, not over it, and the conversation list makes room", async () => {
    const manager = await signedIn(browser(), managerUrl, "owner@standard.demo");
    await manager.goto(`${managerUrl}/inbox`);
    const list = manager.getByRole("list", { name: "Conversations" });
    const panels = [
      { conversation: /Riley Chen/, button: /info/, panel: "Details" },
      { conversation: /Unit 101/, button: "View files", panel: "Files" },
    ];
    for (const { conversation, button, panel } of panels) {
      await list.getByRole("link", { name: conversation }).click();
      await thread(manager).getByRole("button", { name: button }).click();
      const aside = manager.getByRole("complementary", { name: panel });
      await aside.waitFor();
      expect(await list.isVisible()).toBe(false);
      const side = await aside.boundingBox();
      const whole = await thread(manager).boundingBox();
      const send = await thread(manager).getByRole("button", { name: "Send" }).boundingBox();
      if (!side || !whole || !send) throw new Error("the panel or the thread is not on screen");
      expect(send.x + send.width).toBeLessThanOrEqual(side.x);
      // The thread keeps a readable column beside the panel (it was about 300 px over it).
      expect(side.x - whole.x).toBeGreaterThan(600);
      await screenshot(manager, `${panel.toLowerCase()}-beside-thread-1280`);
      await aside.getByRole("button", { name: "Close" }).click();
      await list.waitFor();
    }
    await manager.context().close();
  });
});
