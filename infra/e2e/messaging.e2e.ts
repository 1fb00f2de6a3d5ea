import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { newPage, screenshot, signIn, unique, useBrowser } from "./browser";

const { managerUrl, residentUrl } = inject("e2e");
const { browser } = useBrowser();

/** The open conversation, not the list beside it. */
function thread(page: Page) {
  return page.getByRole("region", { name: /^Conversation:/ });
}

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

describe("messaging between a manager and a resident, live", () => {
  it("the manager starts a chat, the resident sees it live and replies, the manager sees the reply and the read receipt", async () => {
    const resident = await signedIn(residentUrl, "resident@standard.demo");
    await resident.goto(`${residentUrl}/messages`);

    const manager = await signedIn(managerUrl, "owner@standard.demo");
    await manager.goto(`${managerUrl}/inbox/new`);
    await manager.getByLabel("To", { exact: true }).fill("Riley");
    await manager.getByRole("button", { name: /Riley Chen/ }).click();
    const text = `Hello Riley, the plumber comes for ${unique("visit")}`;
    await manager.getByLabel("Message", { exact: true }).fill(text);
    await manager.getByLabel("Message", { exact: true }).press("Enter");
    await manager.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    await thread(manager).getByText(text).waitFor();

    // The resident's open list shows it without a reload.
    await resident.getByRole("link", { name: new RegExp(text) }).waitFor({ timeout: 5_000 });
    await resident.getByRole("link", { name: new RegExp(text) }).click();
    await thread(resident).getByText(text).waitFor();
    await resident.getByLabel("Message", { exact: true }).fill("Thanks, I will be home.");
    await resident.getByLabel("Message", { exact: true }).press("Enter");
    await thread(resident).getByText("Thanks, I will be home.").waitFor();

    // The manager's open thread shows the reply and that Riley has seen the message.
    await thread(manager).getByText("Thanks, I will be home.").waitFor({ timeout: 5_000 });
    await thread(manager).getByText("Seen by Riley Chen").last().waitFor({ timeout: 5_000 });
    await screenshot(manager, "manager-thread-desktop");
    await screenshot(resident, "resident-thread-desktop");
    await manager.context().close();
    await resident.context().close();
  });

  it("Shift+Enter makes a new line instead of sending", async () => {
    const manager = await signedIn(managerUrl, "owner@standard.demo");
    await manager.goto(`${managerUrl}/inbox`);
    await manager.getByRole("link", { name: /Unit 101/ }).click();
    const box = manager.getByLabel("Message", { exact: true });
    await box.fill("first line");
    await box.press("Shift+Enter");
    await box.pressSequentially("second line");
    expect(await box.inputValue()).toBe("first line\nsecond line");
    await box.press("Enter");
    await thread(manager)
      .getByText(/second line/)
      .waitFor();
    expect(await box.inputValue()).toBe("");
    await manager.context().close();
  });
});

describe("landlord-led rules in the browser", () => {
  it("the resident has no way to start a chat, and sees why", async () => {
    const resident = await signedIn(residentUrl, "resident@landlord-led.demo", {
      width: 390,
      height: 844,
    });
    await resident.goto(`${residentUrl}/messages`);
    const button = resident.getByRole("button", { name: "New message" });
    expect(await button.isDisabled()).toBe(true);
    // The reason sits beside the disabled button (its description) and in the empty pane.
    await resident
      .locator("#compose-reason")
      .filter({ hasText: "You can't start a chat from your portal" })
      .waitFor();
    expect(await resident.getByRole("link", { name: "New message" }).count()).toBe(0);
    await screenshot(resident, "resident-landlord-led-phone");
    await resident.context().close();
  });

  it("the landlord cannot message a tenant whose lease expired, and sees why", async () => {
    const manager = await signedIn(managerUrl, "owner@landlord-led.demo");
    await manager.goto(`${managerUrl}/inbox/new`);
    await manager.getByLabel("To", { exact: true }).fill("Casey");
    const former = manager.getByRole("button", { name: /Casey Moreno/ });
    await former.waitFor();
    expect(await former.isDisabled()).toBe(true);
    expect(await former.textContent()).toMatch(/active/i);
    await screenshot(manager, "manager-new-message-refused");
    await manager.context().close();
  });
});
