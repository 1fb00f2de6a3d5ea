import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { seriousFindings } from "./axe";
import { screenshot, unique, useBrowser } from "./browser";
import { signedIn, thread } from "./signed-in";

const { managerUrl, residentUrl } = inject("e2e");
const { browser } = useBrowser();

/** Chooses who sees read receipts on the owner's Settings page and saves. */
async function readReceiptsFor(owner: Page, option: string): Promise<void> {
  await owner.goto(`${managerUrl}/settings`);
  const receipts = owner.getByRole("group", { name: /Who sees read receipts/ });
  await receipts.getByLabel(option).check();
  await owner.getByRole("button", { name: "Save settings" }).click();
  await owner.getByText("Settings saved.", { exact: false }).waitFor();
}

describe("the customer's own settings", () => {
  it("the owner turns read receipts on and off for residents; the resident's thread follows", async () => {
    const owner = await signedIn(browser(), managerUrl, "owner@standard.demo");
    const resident = await signedIn(browser(), residentUrl, "resident@standard.demo");

    await owner.goto(`${managerUrl}/inbox`);
    await owner
      .getByRole("link", { name: /Riley Chen/ })
      .first()
      .click();
    await owner.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    const conversationId = new URL(owner.url()).pathname.split("/").at(-1);

    await resident.goto(`${residentUrl}/messages/${conversationId}`);
    const text = `Is the gym open late? ${unique("receipts")}`;
    await resident.getByLabel("Message", { exact: true }).fill(text);
    await resident.getByLabel("Message", { exact: true }).press("Enter");
    await thread(resident).getByText(text).waitFor();
    // The owner opens the thread again and so reads it.
    await owner.reload();
    await thread(owner).getByText(text).waitFor();

    // The standard profile's default: residents see no receipts.
    await resident.reload();
    await thread(resident).getByText(text).waitFor();
    expect(
      await thread(resident)
        .getByText(/^Seen by/)
        .count(),
    ).toBe(0);

    await owner.goto(`${managerUrl}/settings`);
    await owner.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
    expect(await seriousFindings(owner)).toEqual([]);
    await screenshot(owner, "customer-settings-1280");
    await readReceiptsFor(owner, "Everyone, residents too");

    // The next request follows: the resident sees that the owner read the message.
    await resident.reload();
    await thread(resident)
      .getByText(/^Seen by/)
      .first()
      .waitFor();
    await screenshot(resident, "customer-settings-resident-seen-by");

    await readReceiptsFor(owner, "Your team only");
    await resident.reload();
    await thread(resident).getByText(text).waitFor();
    expect(
      await thread(resident)
        .getByText(/^Seen by/)
        .count(),
    ).toBe(0);

    await owner.context().close();
    await resident.context().close();
  });

  it("a team member sees the settings but may not change them until the owner allows it", async () => {
    const team = await signedIn(browser(), managerUrl, "team@standard.demo");
    await team.goto(`${managerUrl}/settings`);
    await team.getByText(/Only the account owner, or a team member they allow/).waitFor();
    const receipts = team.getByRole("group", { name: /Who sees read receipts/ });
    expect(await receipts.getByLabel("Nobody").isDisabled()).toBe(true);
    expect(await team.getByRole("button", { name: "Save settings" }).count()).toBe(0);
    expect(await seriousFindings(team)).toEqual([]);

    const owner = await signedIn(browser(), managerUrl, "owner@standard.demo");
    await owner.goto(`${managerUrl}/settings`);
    const member = owner.getByRole("form", { name: /^Taylor Brooks/ });
    await member.getByLabel("Change the organization's settings").check();
    await member.getByRole("button", { name: /^Save for/ }).click();
    await owner.getByText(/^Saved what .* may do\./).waitFor();
    await screenshot(owner, "customer-settings-team-1280");

    await team.reload();
    expect(await receipts.getByLabel("Nobody").isDisabled()).toBe(false);
    await team.getByRole("button", { name: "Save settings" }).waitFor();

    // Back as it was, for the other tests.
    await owner.reload();
    await member.getByLabel("Change the organization's settings").uncheck();
    await member.getByRole("button", { name: /^Save for/ }).click();
    await owner.getByText(/^Saved what .* may do\./).waitFor();
    await team.context().close();
    await owner.context().close();
  });

  it("the owner schedules a broadcast; it is listed until it goes, then the resident has it once", async () => {
    const operator = await signedIn(browser(), managerUrl, "operator@platform.demo");
    await operator.goto(`${managerUrl}/operator`);
    await operator.getByRole("link", { name: "Maple Residential" }).click();
    await operator.getByLabel("Broadcast messages").check();
    await operator.getByRole("button", { name: "Save overrides" }).click();
    await operator.getByRole("status").filter({ hasText: "Saved 1 override" }).waitFor();

    const owner = await signedIn(browser(), managerUrl, "owner@standard.demo");
    const resident = await signedIn(browser(), residentUrl, "resident@standard.demo");
    await resident.goto(`${residentUrl}/messages`);

    await owner.goto(`${managerUrl}/broadcasts`);
    const text = `Rent reminder for everyone ${unique("broadcast")}`;
    await owner.getByLabel("Message", { exact: true }).fill(text);
    const sendAt = await owner.evaluate(() => {
      const d = new Date(Date.now() + 20_000);
      const pad = (n: number) => String(n).padStart(2, "0");
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    });
    await owner.getByLabel("Send at (optional)").fill(sendAt);
    await owner.getByText(/^Goes /).waitFor();
    await screenshot(owner, "scheduled-broadcast-composer-1280");
    await owner.getByRole("button", { name: "Schedule broadcast" }).click();
    await owner.getByText(/^Scheduled\. It goes at its/).waitFor();
    expect(await seriousFindings(owner)).toEqual([]);

    await owner.goto(`${managerUrl}/scheduled`);
    const listed = owner.getByRole("listitem").filter({ hasText: text });
    await listed.getByText("Broadcast to All contacts").waitFor();
    await screenshot(owner, "scheduled-broadcast-listed-1280");
    if ((await resident.getByText(text).count()) !== 0)
      throw new Error("the resident saw the broadcast before its time");

    // It goes at its time: the resident's open list gets it, once.
    await resident.getByText(text).first().waitFor({ timeout: 60_000 });
    await owner.reload();
    await owner.getByRole("listitem").filter({ hasText: text }).waitFor({ state: "detached" });
    await resident.reload();
    await resident.getByText(text).first().waitFor();
    expect(await resident.getByRole("link", { name: new RegExp(text) }).count()).toBe(1);

    await operator.reload();
    await operator.getByLabel("Broadcast messages").uncheck();
    await operator.getByRole("button", { name: "Save overrides" }).click();
    await operator.getByRole("status").waitFor();
    for (const page of [operator, owner, resident]) await page.context().close();
  });
});
