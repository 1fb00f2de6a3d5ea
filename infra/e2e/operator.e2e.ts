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
  await operator.waitForLoadState("networkidle");
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

  it("is closed to managers", async () => {
    const manager = await signedIn(managerUrl, "owner@landlord-led.demo");
    const response = await manager.goto(`${managerUrl}/operator/audit`);
    expect(response?.status()).toBe(403);
    await manager.context().close();
  });
});
