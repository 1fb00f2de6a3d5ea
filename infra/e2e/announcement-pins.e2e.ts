import { describe, expect, inject, it } from "vitest";
import { seriousFindings } from "./axe";
import { screenshot, unique, useBrowser } from "./browser";
import { phone, signedIn } from "./signed-in";

const { managerUrl, residentUrl } = inject("e2e");
const { browser } = useBrowser();

/** A datetime-local value (the browser's own zone) some days ahead. */
function daysAhead(days: number): string {
  const at = new Date(Date.now() + days * 24 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

describe("a pinned announcement (coworking: announcements come from the space)", () => {
  it("sits above the member's list until a manager unpins it", async () => {
    const manager = await signedIn(browser(), managerUrl, "owner@coworking.demo");
    await manager.goto(`${managerUrl}/broadcasts`);
    const text = unique("Coffee machine on level 2 is fixed");
    await manager.getByRole("radio", { name: "Specific contacts" }).check();
    await manager.getByRole("checkbox", { name: "Riley Chen" }).check();
    await manager.getByLabel("Message", { exact: true }).fill(text);
    await manager.getByLabel("Pin to the top of the inbox until (optional)").fill(daysAhead(3));
    await manager.getByLabel("Expires on (optional)").fill(daysAhead(7));
    await manager.getByRole("button", { name: "Send message" }).click();
    await manager.getByText("Sent to 1 person").waitFor();
    const sentRow = manager
      .getByRole("region", { name: "Sent announcements" })
      .getByRole("listitem")
      .filter({ hasText: text });
    await sentRow.getByText(/Pinned until/).waitFor();
    await sentRow.getByText(/Expires/).waitFor();
    expect(await seriousFindings(manager)).toEqual([]);
    await screenshot(manager, "announcement-pins-manager-1280");

    const member = await signedIn(browser(), residentUrl, "resident@coworking.demo", {
      viewport: phone,
    });
    await member.goto(`${residentUrl}/messages`);
    const pinned = member.getByRole("region", { name: "Pinned" });
    await pinned.getByRole("link", { name: new RegExp(text) }).waitFor();
    expect(await seriousFindings(member)).toEqual([]);
    await screenshot(member, "announcement-pins-member-390");

    await sentRow.getByRole("button", { name: "Unpin" }).click();
    await sentRow.getByRole("button", { name: "Unpin" }).waitFor({ state: "detached" });
    // The member's open list follows live: the pin goes, the announcement stays.
    await pinned.getByRole("link", { name: new RegExp(text) }).waitFor({ state: "detached" });
    await member
      .getByRole("list", { name: "Conversations" })
      .getByRole("link", { name: new RegExp(text) })
      .waitFor();
    for (const page of [manager, member]) await page.context().close();
  });
});
