import { describe, expect, inject, it } from "vitest";
import { seriousFindings } from "./axe";
import { screenshot, unique, useBrowser } from "./browser";
import { desktop, phone, signedIn, thread } from "./signed-in";

const { managerUrl, residentUrl } = inject("e2e");
const { browser } = useBrowser();

/** The page's background colour's brightness, 0 (black) to 255 (white). */
async function backgroundBrightness(page: import("playwright-core").Page): Promise<number> {
  return page.evaluate(() => {
    const [r = 0, g = 0, b = 0] = (
      getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? []
    ).map(Number);
    return (r * 299 + g * 587 + b * 114) / 1000;
  });
}

describe("on a phone", () => {
  it("the main sections sit in a bottom tab bar, with the unread count in sight", async () => {
    const resident = await signedIn(browser(), residentUrl, "resident@standard.demo");
    await resident.goto(`${residentUrl}/messages`);
    // The direct chat with the owner: the newest conversation may be an announcement, which has
    // no message box.
    await resident
      .getByRole("list", { name: "Conversations" })
      .getByRole("link", { name: /Morgan Reyes/ })
      .first()
      .click();
    await thread(resident).waitFor();
    await resident.getByLabel("Message", { exact: true }).fill(unique("for-the-badge"));
    await resident.getByLabel("Message", { exact: true }).press("Enter");
    await thread(resident).getByText("Sending…").waitFor({ state: "detached" });

    const manager = await signedIn(browser(), managerUrl, "owner@standard.demo", {
      viewport: phone,
    });
    await manager.goto(`${managerUrl}/people`);
    const tabs = manager.getByRole("navigation", { name: "Sections" });
    await tabs.waitFor();
    const messages = tabs.getByRole("link", { name: /Messages/ });
    expect(await messages.isVisible()).toBe(true);
    expect(await messages.textContent()).toMatch(/\d+ unread/);
    const box = await tabs.boundingBox();
    expect(box && box.y + box.height).toBeGreaterThan(phone.height - 2);
    await tabs.getByRole("button", { name: "More" }).click();
    await manager.getByRole("link", { name: "Properties" }).click();
    await manager.waitForURL(/\/properties$/);
    await screenshot(manager, "phone-tab-bar");
    await manager.context().close();
    await resident.context().close();
  });
});

describe("a thread on a phone", () => {
  it("shows the whole title, and the message box gets the full width above its buttons", async () => {
    const manager = await signedIn(browser(), managerUrl, "owner@standard.demo", {
      viewport: phone,
    });
    await manager.goto(`${managerUrl}/inbox`);
    await manager.getByRole("link", { name: /Unit 101/ }).click();
    const title = thread(manager).getByRole("heading", { name: "Unit 101" });
    await title.waitFor();
    expect(
      await title.evaluate((heading) => heading.scrollWidth <= heading.clientWidth),
      "the title is cut off",
    ).toBe(true);
    const box = await manager.getByLabel("Message", { exact: true }).boundingBox();
    const send = await thread(manager).getByRole("button", { name: "Send" }).boundingBox();
    if (!box || !send) throw new Error("the composer is not on screen");
    expect(box.width).toBeGreaterThan(phone.width - 80);
    expect(send.y).toBeGreaterThanOrEqual(box.y + box.height);
    await screenshot(manager, "phone-thread-composer");
    await manager.context().close();
  });
});

describe("dark mode", () => {
  it("follows the system setting and passes axe, in the inbox and a thread", async () => {
    for (const viewport of [desktop, phone]) {
      const manager = await signedIn(browser(), managerUrl, "owner@standard.demo", {
        viewport,
        colorScheme: "dark",
      });
      await manager.goto(`${managerUrl}/inbox`);
      expect(await backgroundBrightness(manager)).toBeLessThan(60);
      expect(await seriousFindings(manager)).toEqual([]);
      await screenshot(manager, `dark-inbox-${viewport.width}`);
      await manager.getByRole("link", { name: /Unit 101/ }).click();
      await thread(manager).waitFor();
      expect(await seriousFindings(manager)).toEqual([]);
      await screenshot(manager, `dark-thread-${viewport.width}`);
      await manager.context().close();
    }
  });

  it("a choice made in the toggle wins over the system and is kept in this browser", async () => {
    const resident = await signedIn(browser(), residentUrl, "resident@standard.demo", {
      colorScheme: "dark",
    });
    await resident.goto(`${residentUrl}/messages`);
    await resident.getByLabel("Theme").selectOption("light");
    expect(await backgroundBrightness(resident)).toBeGreaterThan(200);
    await resident.reload();
    expect(await backgroundBrightness(resident)).toBeGreaterThan(200);
    expect(await resident.getByLabel("Theme").inputValue()).toBe("light");
    await resident.getByLabel("Theme").selectOption("system");
    expect(await backgroundBrightness(resident)).toBeLessThan(60);
    await resident.context().close();
  });

  it("screenshots in light mode, for comparison", async () => {
    for (const viewport of [desktop, phone]) {
      const manager = await signedIn(browser(), managerUrl, "owner@standard.demo", { viewport });
      await manager.goto(`${managerUrl}/inbox`);
      await screenshot(manager, `light-inbox-${viewport.width}`);
      await manager.getByRole("link", { name: /Unit 101/ }).click();
      await thread(manager).waitFor();
      const details = thread(manager).getByRole("button", { name: /info|details/i });
      if (viewport === desktop && (await details.count()) > 0) await details.first().click();
      await screenshot(manager, `light-thread-${viewport.width}`);
      await manager.context().close();
    }
  });
});
