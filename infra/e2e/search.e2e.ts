import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { seriousFindings } from "./axe";
import { newPage, screenshot, signIn, unique, useBrowser } from "./browser";

const { managerUrl, residentUrl } = inject("e2e");
const { browser } = useBrowser();

const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };
/** More than two pages of search hits and of thread, so the found message is far back. */
const FILLERS = 45;

async function signedIn(
  baseUrl: string,
  email: string,
  options: { viewport?: typeof desktop; javaScript?: boolean; axe?: boolean } = {},
): Promise<Page> {
  const javaScript = options.javaScript ?? true;
  const context = await browser().newContext({
    viewport: options.viewport ?? desktop,
    javaScriptEnabled: javaScript,
    // axe-core is injected as a script of its own, which the apps' CSP would refuse.
    bypassCSP: options.axe ?? false,
  });
  const page = await newPage(context, { javaScript });
  await signIn(page, baseUrl, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

/** Sends messages from the signed-in page through the API, as its own scripts would. */
async function sendFromPage(page: Page, conversationId: string, bodies: string[]): Promise<void> {
  await page.evaluate(
    async ({ conversationId, bodies }) => {
      for (const body of bodies) {
        const response = await fetch("/api/trpc/conversations.send", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            json: { conversationId, clientId: crypto.randomUUID(), body, type: "general" },
          }),
        });
        if (!response.ok) throw new Error(`send failed: ${await response.text()}`);
      }
    },
    { conversationId, bodies },
  );
}

/** Whether the element is inside the window and inside every scroller around it. */
async function isScrolledIntoView(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) return false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (parent.scrollHeight <= parent.clientHeight) continue;
      const frame = parent.getBoundingClientRect();
      if (box.top < frame.top - 1 || box.bottom > frame.bottom + 1) return false;
    }
    return true;
  });
}

function thread(page: Page): Locator {
  return page.getByRole("region", { name: /^Conversation:/ });
}

function results(page: Page): Locator {
  return page.getByRole("region", { name: "Search results" });
}

function hitItems(page: Page): Locator {
  return results(page).getByRole("list", { name: "Messages found" }).getByRole("listitem");
}

/** The manager's old message with a word nobody else wrote, then many newer messages. */
const word = unique("quince").replace(/-/g, "");
/** A word only the newer messages have: more than two pages of hits. */
const fillerWord = unique("medlar").replace(/-/g, "");
const oldText = `The ${word} delivery for the lobby arrives on Thursday.`;
let conversationId = "";

beforeAll(async () => {
  const manager = await signedIn(managerUrl, "owner@standard.demo");
  await manager.goto(`${managerUrl}/inbox/new`);
  await manager.getByLabel("To", { exact: true }).fill("Riley");
  await manager.getByRole("button", { name: /Riley Chen/ }).click();
  await manager.getByLabel("Message", { exact: true }).fill(oldText);
  await manager.getByLabel("Message", { exact: true }).press("Enter");
  await manager.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
  await thread(manager).getByText(oldText).waitFor();
  conversationId = new URL(manager.url()).pathname.split("/").at(-1) ?? "";
  await sendFromPage(
    manager,
    conversationId,
    Array.from({ length: FILLERS }, (_, i) => `Filler ${fillerWord} note number ${i + 1}`),
  );
  await manager.context().close();
});

describe("searching messages", () => {
  it("a manager finds an old message from the shell's search box and opens the thread at it", async () => {
    const manager = await signedIn(managerUrl, "owner@standard.demo");
    await manager.goto(`${managerUrl}/inbox`);
    await manager.keyboard.press("/");
    const box = manager.getByRole("searchbox", { name: "Search messages" });
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    await box.fill(word);
    await box.press("Enter");
    await manager.waitForURL((url) => url.pathname === "/search" && url.search.includes(word));
    const hit = results(manager).getByRole("link", { name: new RegExp(word) });
    await hit.waitFor();
    expect(await hit.count()).toBe(1);
    expect(await hit.locator("mark").first().textContent()).toBe(word);
    expect(await hit.textContent()).toContain("Riley Chen");
    await screenshot(manager, "search-manager-desktop");

    await hit.click();
    await manager.waitForURL(new RegExp(`/inbox/${conversationId}\\?message=\\d+`));
    const marked = thread(manager).locator('[aria-current="true"]');
    await marked.getByText(oldText).waitFor();
    expect(await marked.count()).toBe(1);
    await expect.poll(() => isScrolledIntoView(marked)).toBe(true);
    // The newest messages are beyond this page, one step away.
    await thread(manager).getByRole("link", { name: "Show newer messages" }).waitFor();
    expect(await thread(manager).getByText(`note number ${FILLERS}`).count()).toBe(0);
    await screenshot(manager, "search-manager-thread-at-message");

    await thread(manager).getByRole("link", { name: "Jump to the latest" }).click();
    await thread(manager).getByText(`note number ${FILLERS}`).waitFor();
    expect(await thread(manager).locator('[aria-current="true"]').count()).toBe(0);
    await manager.context().close();
  });

  it("a resident finds the same message with Ctrl-K, and sees it marked in their thread", async () => {
    const resident = await signedIn(residentUrl, "resident@standard.demo");
    await resident.goto(`${residentUrl}/messages`);
    await resident.keyboard.press("Control+k");
    const box = resident.getByRole("searchbox", { name: "Search messages" });
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    await box.fill(word);
    await box.press("Enter");
    await resident.waitForURL((url) => url.pathname === "/search");
    const hit = results(resident).getByRole("link", { name: new RegExp(word) });
    await hit.click();
    await resident.waitForURL(new RegExp(`/messages/${conversationId}\\?message=\\d+`));
    const marked = thread(resident).locator('[aria-current="true"]');
    await marked.getByText(oldText).waitFor();
    await expect.poll(() => isScrolledIntoView(marked)).toBe(true);

    // A reply from the older page lands, and shows, at the latest end of the thread.
    const reply = `Thanks, ${unique("noted")}`;
    await resident.getByLabel("Message", { exact: true }).fill(reply);
    await resident.getByLabel("Message", { exact: true }).press("Enter");
    await resident.waitForURL((url) => url.pathname.endsWith(conversationId) && !url.search);
    await expect.poll(() => thread(resident).getByText(reply).count()).toBe(1);
    await thread(resident).getByText(`note number ${FILLERS}`).waitFor();
    await resident.context().close();
  });

  it("the shortcut keys leave typing in a field alone", async () => {
    const manager = await signedIn(managerUrl, "owner@standard.demo");
    await manager.goto(`${managerUrl}/inbox/${conversationId}`);
    const composer = manager.getByLabel("Message", { exact: true });
    await composer.click();
    await composer.pressSequentially("either/or");
    expect(await composer.inputValue()).toBe("either/or");
    expect(await composer.evaluate((element) => element === document.activeElement)).toBe(true);
    await manager.context().close();
  });

  it("searches inside one conversation from its header, shown as a filter that can be removed", async () => {
    const manager = await signedIn(managerUrl, "owner@standard.demo");
    await manager.goto(`${managerUrl}/inbox/${conversationId}`);
    await thread(manager).getByRole("link", { name: "Search in this conversation" }).click();
    await manager.waitForURL((url) => url.searchParams.get("conversationId") === conversationId);
    await manager.getByText("In: Riley Chen").waitFor();
    await manager.getByLabel("Words to find").fill("lobby");
    await manager.getByRole("button", { name: "Search", exact: true }).click();
    await manager.waitForURL((url) => url.searchParams.get("q") === "lobby");
    expect(new URL(manager.url()).searchParams.get("conversationId")).toBe(conversationId);
    await results(manager)
      .getByRole("link", { name: new RegExp(word) })
      .waitFor();
    await manager.getByRole("link", { name: /Remove filter/ }).click();
    await manager.waitForURL((url) => !url.searchParams.has("conversationId"));
    expect(new URL(manager.url()).searchParams.get("q")).toBe("lobby");
    await manager.context().close();
  });

  it("works without JavaScript: results, filters, pages, a bad date's reason, the hit's thread", async () => {
    const resident = await signedIn(residentUrl, "resident@standard.demo", {
      viewport: phone,
      javaScript: false,
    });
    await resident.goto(`${residentUrl}/search?q=${fillerWord}`);
    expect(await hitItems(resident).count()).toBe(20);
    await screenshot(resident, "search-resident-phone");

    await resident.getByRole("link", { name: "Next page" }).click();
    await resident.waitForURL((url) => url.searchParams.has("cursor"));
    expect(await hitItems(resident).count()).toBe(20);
    await resident.getByRole("link", { name: "Next page" }).click();
    await resident.waitForURL((url) => url.searchParams.has("cursor"));
    expect(await hitItems(resident).count()).toBe(FILLERS - 40);
    expect(await resident.getByRole("link", { name: "Next page" }).count()).toBe(0);

    await resident.goto(`${residentUrl}/search?q=${word}`);
    await resident.getByLabel("Message type").selectOption("maintenance");
    await resident.getByRole("button", { name: "Apply filters" }).click();
    await resident.waitForURL((url) => url.searchParams.get("type") === "maintenance");
    await resident.getByText("No messages match").waitFor();

    const response = await resident.goto(`${residentUrl}/search?q=${word}&from=2025-02-30`);
    expect(response?.status()).toBe(400);
    await resident.getByRole("alert").getByText('"2025-02-30" is not a date').first().waitFor();
    await screenshot(resident, "search-bad-date-phone");

    await resident.goto(`${residentUrl}/search?q=${word}`);
    await results(resident)
      .getByRole("link", { name: new RegExp(word) })
      .click();
    await resident.waitForURL(new RegExp(`/messages/${conversationId}\\?message=\\d+`));
    await thread(resident).locator('[aria-current="true"]').getByText(oldText).waitFor();
    await screenshot(resident, "search-resident-thread-phone");
    await resident.context().close();
  });

  it("looks right on a phone with JavaScript and on a wide screen", async () => {
    const resident = await signedIn(residentUrl, "resident@standard.demo", { viewport: phone });
    await resident.goto(`${residentUrl}/search?q=${word}`);
    await results(resident)
      .getByRole("link", { name: new RegExp(word) })
      .waitFor();
    await screenshot(resident, "search-resident-phone-js");
    await resident.context().close();
    const manager = await signedIn(managerUrl, "owner@standard.demo");
    await manager.goto(`${managerUrl}/search`);
    await manager.getByText("Find a message").waitFor();
    await screenshot(manager, "search-manager-empty-desktop");
    await manager.context().close();
  });

  it("has no serious accessibility finding: results, a bad date, the thread at a message", async () => {
    const manager = await signedIn(managerUrl, "owner@standard.demo", { axe: true });
    for (const path of [
      `/search?q=${word}`,
      "/search?q=x&to=2025-13-01",
      `/search?conversationId=${conversationId}`,
    ]) {
      await manager.goto(`${managerUrl}${path}`);
      expect(await seriousFindings(manager), path).toEqual([]);
    }
    await results(manager).getByRole("link").first().click();
    await thread(manager).locator('[aria-current="true"]').waitFor();
    expect(await seriousFindings(manager)).toEqual([]);
    await manager.context().close();
  });
});
