import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { newPage, screenshot, signIn, unique, useBrowser } from "./browser";

const { managerUrl, residentUrl } = inject("e2e");
const { browser } = useBrowser();

const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

async function signedIn(baseUrl: string, email: string, viewport = desktop): Promise<Page> {
  const context = await browser().newContext({ viewport });
  const page = await newPage(context);
  await signIn(page, baseUrl, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

/** The resident's own request in their list. */
function requestItem(page: Page, title: string) {
  return page.getByRole("listitem").filter({ hasText: title });
}

function thread(page: Page) {
  return page.getByRole("region", { name: /^Conversation:/ });
}

describe("maintenance under the standard profile (no maintenance threads)", () => {
  it("a resident's request reaches the manager's page, is shared with a service pro and marked done; the resident sees each step", async () => {
    const title = unique("Dripping tap");
    const resident = await signedIn(residentUrl, "resident@standard.demo");
    await resident.goto(`${residentUrl}/maintenance`);
    await resident.getByLabel("Title").fill(title);
    await resident.getByLabel("What's wrong?").fill("The bathroom tap drips all night.");
    await resident.getByRole("button", { name: "Send request" }).click();
    await resident.getByText("Request sent to your manager.").waitFor();
    await requestItem(resident, title).getByText("New", { exact: true }).waitFor();

    const manager = await signedIn(managerUrl, "owner@standard.demo");
    await manager.goto(`${managerUrl}/maintenance`);
    await manager.getByRole("link", { name: title }).click();
    await manager.getByRole("heading", { name: title }).waitFor();
    await manager.getByRole("checkbox", { name: "Devon Hart" }).check();
    await manager.getByRole("button", { name: "Share with a service pro" }).click();
    await manager.getByText("Shared. They see the request and its updates.").waitFor();

    await resident.reload();
    await requestItem(resident, title).getByText("Shared with Devon Hart (service pro)").waitFor();

    await manager.getByLabel("Status", { exact: true }).selectOption("done");
    await manager.getByRole("button", { name: "Change status" }).click();
    await manager.getByText("Status changed.").waitFor();

    await resident.reload();
    const item = requestItem(resident, title);
    await item.getByText("Marked Done").waitFor();
    await item.getByText("Done", { exact: true }).waitFor();

    const pro = await signedIn(residentUrl, "pro@standard.demo");
    await pro.goto(`${residentUrl}/maintenance`);
    await requestItem(pro, title).getByText("Marked Done").waitFor();

    await manager.goto(`${managerUrl}/maintenance?status=done`);
    await manager.getByRole("link", { name: title }).waitFor();
    await screenshot(manager, "maintenance-manager-desktop");
    await screenshot(resident, "maintenance-resident-desktop");
    await manager.setViewportSize(phone);
    await screenshot(manager, "maintenance-manager-phone");
    await resident.setViewportSize(phone);
    await screenshot(resident, "maintenance-resident-phone");
    for (const page of [manager, resident, pro]) await page.context().close();
  });
});

async function setStandardAnnouncements(on: boolean): Promise<void> {
  const operator = await signedIn(managerUrl, "operator@platform.demo");
  await operator.goto(`${managerUrl}/operator`);
  await operator.getByRole("link", { name: "Maple Residential" }).click();
  await operator.getByRole("heading", { name: "Maple Residential" }).waitFor();
  await operator.getByLabel("Broadcast messages").setChecked(on);
  await operator.getByLabel("Broadcasts are no-reply").setChecked(!on);
  await operator.getByRole("button", { name: "Save overrides" }).click();
  await operator.getByRole("status").filter({ hasText: "Saved" }).waitFor();
  await operator.context().close();
}

describe("an announcement to three residents", () => {
  it("shows no names to them, one replies privately, and the report shows 2 of 3 read", async () => {
    const manager = await signedIn(managerUrl, "owner@standard.demo");
    await manager.goto(`${managerUrl}/broadcasts`);
    await manager.getByText("Broadcasts aren't available").waitFor();
    await manager.getByText("Your operator can turn this on").waitFor();

    await setStandardAnnouncements(true);
    try {
      const text = unique("Elevator maintenance on Thursday");
      await manager.goto(`${managerUrl}/broadcasts`);
      await manager.getByRole("radio", { name: "Specific contacts" }).check();
      for (const name of ["Riley Chen", "Sam Patel", "Jordan Ellis"])
        await manager.getByRole("checkbox", { name }).check();
      await manager.getByLabel("Message", { exact: true }).fill(text);
      await manager.getByRole("button", { name: "Send message" }).click();
      await manager.getByText("Sent to 3 people").waitFor();

      const riley = await signedIn(residentUrl, "resident@standard.demo");
      await riley.goto(`${residentUrl}/messages`);
      await riley.getByRole("link", { name: new RegExp(text) }).click();
      await thread(riley).getByText(text).waitFor();
      await thread(riley).getByText("Recipients don't see each other").waitFor();
      const shown = (await thread(riley).textContent()) ?? "";
      expect(shown).not.toContain("Sam Patel");
      expect(shown).not.toContain("Jordan Ellis");
      await screenshot(riley, "announcement-resident-desktop");

      const sam = await signedIn(residentUrl, "roommate@standard.demo", phone);
      await sam.goto(`${residentUrl}/messages`);
      await sam.getByRole("link", { name: new RegExp(text) }).click();
      await thread(sam).getByText(text).waitFor();
      expect(await thread(sam).textContent()).not.toContain("Riley Chen");
      await screenshot(sam, "announcement-resident-phone");

      const answer = unique("Will the stairs stay open");
      const privately = riley.getByRole("form", { name: "Reply privately" });
      await privately.getByRole("textbox").fill(answer);
      await privately.getByRole("button", { name: "Reply privately" }).click();
      await thread(riley).getByText(answer).waitFor();
      await thread(riley).getByRole("heading", { name: /^Re: / }).waitFor();

      // Sam sees neither the answer nor its conversation.
      await sam.goto(`${residentUrl}/messages`);
      await sam.getByRole("link", { name: new RegExp(text) }).waitFor();
      expect(await sam.locator("body").textContent()).not.toContain(answer);

      await manager.goto(`${managerUrl}/inbox`);
      await manager.getByRole("link", { name: new RegExp(answer) }).waitFor();

      await manager.goto(`${managerUrl}/broadcasts`);
      await manager.getByRole("link", { name: "2 of 3 read" }).first().click();
      await manager.getByTestId("read-count").filter({ hasText: "2 of 3 read" }).waitFor();
      await manager
        .getByRole("region", { name: "Not read yet" })
        .getByText("Jordan Ellis")
        .waitFor();
      await manager.getByRole("button", { name: "Resend to those who haven't read it" }).click();
      await manager.getByText("Reminder sent to 1 person").waitFor();
      await screenshot(manager, "announcement-report-desktop");
      for (const page of [riley, sam]) await page.context().close();
    } finally {
      await setStandardAnnouncements(false);
      await manager.context().close();
    }
  });
});
