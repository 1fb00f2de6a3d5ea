import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { newPage, screenshot, signIn, unique, useBrowser } from "./browser";

const { managerUrl } = inject("e2e");
const { browser } = useBrowser();

async function signedIn(email: string): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
  const page = await newPage(context);
  await signIn(page, managerUrl, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

async function switchProfile(operator: Page, organization: string, profile: string): Promise<void> {
  await operator.goto(`${managerUrl}/operator`);
  await operator.getByRole("link", { name: organization }).click();
  await operator.getByLabel("Policy profile").selectOption(profile);
  await operator.getByRole("button", { name: "Switch profile" }).click();
  await operator.getByRole("status").filter({ hasText: "Switched to the" }).waitFor();
}

describe("a send the policy refuses in an open page", () => {
  it("shows the policy's reason on the message, offers no retry, and the composer gives way to the reason", async () => {
    const member = await signedIn("team@connected.demo");
    await member.goto(`${managerUrl}/inbox`);
    await member.getByRole("link", { name: /I'll take it/ }).click();
    const thread = member.getByRole("region", { name: /^Conversation:/ });
    const box = thread.getByLabel("Message", { exact: true });
    await box.waitFor();

    // The operator switches the organization to a profile where sub-users have no chat.
    const operator = await signedIn("operator@platform.demo");
    await switchProfile(operator, "Harbor Property Management", "landlord-led");
    try {
      const text = `Still on for Monday ${unique("inspection")}`;
      await box.fill(text);
      await box.press("Enter");

      const failure = thread.getByRole("alert").filter({ hasText: "Not sent:" });
      await failure.waitFor({ timeout: 10_000 });
      expect(await failure.textContent()).toMatch(/main account user|isn't available/);
      expect(await thread.getByRole("button", { name: "Retry" }).count()).toBe(0);
      // Without a reload, the composer is replaced by the policy's reason.
      await box.waitFor({ state: "detached", timeout: 10_000 });
      await thread.getByRole("note").waitFor();
      await screenshot(member, "refused-send-in-place");
    } finally {
      await switchProfile(operator, "Harbor Property Management", "connected");
      await operator.context().close();
      await member.context().close();
    }
  });
});
