import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { newPage, screenshot, signIn, useBrowser } from "./browser";

const { managerUrl, residentUrl } = inject("e2e");
const { browser } = useBrowser();

async function signedIn(baseUrl: string, email: string): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
  const page = await newPage(context);
  await signIn(page, baseUrl, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

async function switchProfile(operator: Page, organization: string, profile: string): Promise<void> {
  await operator.goto(`${managerUrl}/operator`);
  await operator.getByRole("link", { name: organization }).click();
  await operator.getByLabel("Policy profile").selectOption(profile);
  await operator.getByRole("button", { name: "Switch profile" }).click();
  await operator.getByRole("status").filter({ hasText: "Switched to the" }).waitFor();
  expect(await operator.getByLabel("Policy profile").inputValue()).toBe(profile);
}

describe("the operator console", () => {
  it("switching landlord-led to connected lets the resident start a chat they were refused before", async () => {
    const resident = await signedIn(residentUrl, "resident@landlord-led.demo");
    await resident.goto(`${residentUrl}/messages`);
    expect(await resident.getByRole("button", { name: "New message" }).isDisabled()).toBe(true);

    const operator = await signedIn(managerUrl, "operator@platform.demo");
    await switchProfile(operator, "Oakview Rentals", "connected");
    await screenshot(operator, "operator-organization");

    await resident.reload();
    await resident.getByRole("link", { name: "New message" }).click();
    await resident.getByLabel("To", { exact: true }).fill("Morgan");
    const landlord = resident.getByRole("button", { name: /Morgan Reyes/ });
    await landlord.waitFor();
    expect(await landlord.isDisabled()).toBe(false);

    await switchProfile(operator, "Oakview Rentals", "landlord-led");
    await resident.goto(`${residentUrl}/messages`);
    expect(await resident.getByRole("button", { name: "New message" }).isDisabled()).toBe(true);

    await operator.goto(`${managerUrl}/operator/audit`);
    await operator
      .getByRole("rowheader", { name: /Profile switched/ })
      .first()
      .waitFor();
    await operator.context().close();
    await resident.context().close();
  });

  it("a save from a page opened before someone else's save is refused with 'changed since you opened them', and changes nothing", async () => {
    const first = await signedIn(managerUrl, "operator@platform.demo");
    const second = await signedIn(managerUrl, "operator@platform.demo");
    for (const page of [first, second]) {
      await page.goto(`${managerUrl}/operator`);
      await page.getByRole("link", { name: "Maple Residential" }).click();
      await page.getByRole("heading", { name: "Maple Residential" }).waitFor();
    }

    await first.getByLabel("Broadcast messages").check();
    await first.getByRole("button", { name: "Save overrides" }).click();
    await first.getByRole("status").filter({ hasText: "Saved 1 override" }).waitFor();

    // The second page still shows the settings as they were when it opened.
    await second.getByLabel("Whole-unit group chats").check();
    await second.getByRole("button", { name: "Save overrides" }).click();
    const refusal = second.getByRole("alert").filter({ hasText: "changed since you opened them" });
    await refusal.waitFor();
    await screenshot(second, "operator-stale-save");
    await refusal.getByRole("link", { name: "Reload the settings" }).click();
    await refusal.waitFor({ state: "detached" });
    expect(await second.getByLabel("Broadcast messages").isChecked()).toBe(true);
    expect(await second.getByLabel("Whole-unit group chats").isChecked()).toBe(false);

    await second.getByLabel("Broadcast messages").uncheck();
    await second.getByRole("button", { name: "Save overrides" }).click();
    await second
      .getByRole("status")
      .filter({ hasText: "Every knob follows the profile default" })
      .waitFor();
    await first.context().close();
    await second.context().close();
  });

  it("edits the largest attachment in MB and confirms the save beside the Save button", async () => {
    const operator = await signedIn(managerUrl, "operator@platform.demo");
    await operator.goto(`${managerUrl}/operator`);
    await operator.getByRole("link", { name: "Foundry Workspace" }).click();
    const size = operator.getByLabel("Largest attachment", { exact: true });
    await size.waitFor();
    expect(Number(await size.inputValue())).toBeLessThan(1_000);
    await size.fill("10.5");
    const save = operator.getByRole("button", { name: "Save overrides" });
    await save.click();
    // In the row of the Save button itself, where the operator is looking.
    await save.locator("..").getByRole("status").filter({ hasText: "Saved 1 override" }).waitFor();
    expect(await size.inputValue()).toBe("10.5");
    await operator
      .getByRole("row", { name: /Largest attachment/ })
      .getByText("10.5 MB")
      .waitFor();
    await screenshot(operator, "operator-attachment-size");

    await operator.getByRole("button", { name: "Reset to default (Largest attachment)" }).click();
    await operator.getByRole("status").filter({ hasText: "back to the profile default" }).waitFor();
    await operator.context().close();
  });

  it("is closed to managers", async () => {
    const manager = await signedIn(managerUrl, "owner@landlord-led.demo");
    const response = await manager.goto(`${managerUrl}/operator/audit`);
    expect(response?.status()).toBe(403);
    await manager.context().close();
  });
});
