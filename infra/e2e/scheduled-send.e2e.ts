import type { Page } from "playwright-core";
import { describe, inject, it } from "vitest";
import { newPage, screenshot, signIn, unique, useBrowser } from "./browser";

const { managerUrl, residentUrl } = inject("e2e");
const { browser } = useBrowser();

function thread(page: Page) {
  return page.getByRole("region", { name: /^Conversation:/ });
}

async function signedIn(baseUrl: string, email: string, width = 1280): Promise<Page> {
  const context = await browser().newContext({ viewport: { width, height: 800 } });
  const page = await newPage(context);
  await signIn(page, baseUrl, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

/** The browser's own `datetime-local` value `ms` from now, with seconds. */
function localValueIn(page: Page, ms: number): Promise<string> {
  return page.evaluate((ahead) => {
    const d = new Date(Date.now() + ahead);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  }, ms);
}

describe("scheduled send", () => {
  it("a manager schedules a message a few seconds ahead; the resident sees it only from then", async () => {
    const manager = await signedIn(managerUrl, "owner@standard.demo");
    await manager.goto(`${managerUrl}/inbox`);
    await manager
      .getByRole("link", { name: /Riley Chen/ })
      .first()
      .click();
    await manager.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    const conversationPath = new URL(manager.url()).pathname;

    const resident = await signedIn(residentUrl, "resident@standard.demo");
    const conversationId = conversationPath.split("/").at(-1);
    await resident.goto(`${residentUrl}/messages/${conversationId}`);
    await thread(resident).waitFor();

    const text = `Rent reminder ${unique("scheduled")}`;
    await manager.getByLabel("Message", { exact: true }).fill(text);
    await manager.getByRole("button", { name: "Schedule…" }).click();
    await manager.getByLabel("Send at").fill(await localValueIn(manager, 15_000));
    await screenshot(manager, "scheduled-composer-1280");
    await manager.getByRole("button", { name: "Schedule send" }).click();

    const scheduled = manager.getByRole("region", { name: "Scheduled messages" });
    await scheduled.getByText(text).waitFor();
    // Not yet: the resident's open thread does not have it.
    await resident.waitForTimeout(2_000);
    if ((await thread(resident).getByText(text).count()) !== 0)
      throw new Error("the resident saw the message before its time");

    await manager.goto(`${managerUrl}/scheduled`);
    await manager.getByText(text).waitFor();
    await screenshot(manager, "scheduled-view-1280");

    await thread(resident).getByText(text).waitFor({ timeout: 45_000 });
    await manager.goto(`${managerUrl}${conversationPath}`);
    await thread(manager).getByText(text).waitFor();
    if ((await thread(resident).getByText(text).count()) !== 1)
      throw new Error("the resident should see the message once");
  });

  it("looks right on a phone: the schedule control and the Scheduled view", async () => {
    const manager = await signedIn(managerUrl, "owner@standard.demo", 390);
    await manager.goto(`${managerUrl}/inbox`);
    await manager
      .getByRole("link", { name: /Riley Chen/ })
      .first()
      .click();
    await manager.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    const text = `Phone check ${unique("later")}`;
    await manager.getByLabel("Message", { exact: true }).fill(text);
    await manager.getByRole("button", { name: "Schedule…" }).click();
    await manager.getByLabel("Send at").fill(await localValueIn(manager, 3_600_000));
    await screenshot(manager, "scheduled-composer-390");
    await manager.getByRole("button", { name: "Schedule send" }).click();
    await manager.getByRole("region", { name: "Scheduled messages" }).getByText(text).waitFor();
    await manager.goto(`${managerUrl}/scheduled`);
    await manager.getByText(text).waitFor();
    await screenshot(manager, "scheduled-view-390");
    await manager
      .getByRole("listitem")
      .filter({ hasText: text })
      .getByRole("button", { name: "Cancel send" })
      .click();
    await manager.getByText(text).waitFor({ state: "detached" });
  });
});
