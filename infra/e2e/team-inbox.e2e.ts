import { describe, expect, inject, it } from "vitest";
import { seriousFindings } from "./axe";
import { screenshot, unique, useBrowser } from "./browser";
import { phone, signedIn, thread } from "./signed-in";

const { managerUrl, residentUrl } = inject("e2e");
const { browser } = useBrowser();

describe("the shared team inbox", () => {
  it("a sub-user assigns a resident's thread to themselves and leaves a note the resident never sees", async () => {
    const taylor = await signedIn(browser(), managerUrl, "team@standard.demo");
    await taylor.goto(`${managerUrl}/inbox?view=unassigned`);
    const views = taylor.getByRole("navigation", { name: "Views" });
    expect(await views.getByRole("link", { name: "Unassigned" }).getAttribute("aria-current")).toBe(
      "page",
    );
    await taylor
      .getByRole("list", { name: "Conversations" })
      .getByRole("link", { name: /Riley Chen/ })
      .first()
      .click();
    await taylor.waitForURL(/\/inbox\/[0-9a-f-]{36}\?view=unassigned$/);
    const conversationId = new URL(taylor.url()).pathname.split("/").at(-1) ?? "";
    await thread(taylor).waitFor();

    const team = taylor.getByRole("group", { name: "Team" });
    await team.getByRole("button", { name: "Assign to me" }).click();
    await team.getByRole("button", { name: "Assign to me" }).waitFor({ state: "detached" });
    expect(await team.getByLabel("Assigned to").inputValue()).not.toBe("");

    const secret = unique("Riley prefers calls after six");
    await taylor.getByRole("button", { name: "Internal note" }).click();
    const noteForm = taylor.getByRole("form", { name: "Internal note" });
    await noteForm.getByLabel("Internal note").fill(secret);
    await noteForm.getByRole("button", { name: "Add note" }).click();
    const note = thread(taylor).getByRole("listitem", { name: /^Internal note by Taylor Brooks/ });
    await note.filter({ hasText: secret }).waitFor();
    expect(await noteForm.getByLabel("Internal note").inputValue()).toBe("");
    expect(await seriousFindings(taylor)).toEqual([]);
    await screenshot(taylor, "team-inbox-note-1280");

    // It is now Taylor's: in Mine, out of Unassigned.
    await views.getByRole("link", { name: "Mine" }).click();
    await taylor.waitForURL(/view=mine/);
    const mine = taylor.getByRole("list", { name: "Conversations" });
    await mine.locator(`a[href*="${conversationId}"]`).waitFor();
    expect(await mine.getByText("Assigned to you").count()).toBeGreaterThan(0);
    await views.getByRole("link", { name: "Unassigned" }).click();
    await taylor.waitForURL(/view=unassigned/);
    await taylor
      .getByRole("list", { name: "Conversations" })
      .locator(`a[href*="${conversationId}"]`)
      .waitFor({ state: "detached" });

    // The owner opens it: Taylor sees that someone else is looking, live.
    await taylor.goto(`${managerUrl}/inbox/${conversationId}`);
    await thread(taylor).waitFor();
    const owner = await signedIn(browser(), managerUrl, "owner@standard.demo");
    await owner.goto(`${managerUrl}/inbox/${conversationId}`);
    await thread(owner).getByText(secret).waitFor();
    await taylor.getByText("Morgan Reyes is viewing").waitFor({ timeout: 10_000 });
    expect(
      await owner.getByRole("group", { name: "Team" }).getByLabel("Assigned to").inputValue(),
    ).not.toBe("");

    // The resident: no note, no Taylor in the header, and search finds nothing.
    const riley = await signedIn(browser(), residentUrl, "resident@standard.demo", {
      viewport: phone,
    });
    await riley.goto(`${residentUrl}/messages/${conversationId}`);
    await thread(riley).waitFor();
    const shown = (await riley.locator("body").textContent()) ?? "";
    expect(shown).not.toContain(secret);
    expect(shown).not.toContain("Internal note");
    expect(await thread(riley).locator("header").textContent()).not.toContain("Taylor Brooks");
    await riley.goto(`${residentUrl}/search?q=${encodeURIComponent("prefers calls after six")}`);
    await riley.getByText("No messages match").waitFor();
    await screenshot(riley, "team-inbox-resident-390");

    // On a phone the team's controls wrap under the header and the note switch stays in reach.
    await taylor.setViewportSize(phone);
    await taylor.goto(`${managerUrl}/inbox/${conversationId}`);
    await taylor.getByRole("group", { name: "Team" }).waitFor();
    await taylor.getByRole("button", { name: "Internal note" }).click();
    expect(await seriousFindings(taylor)).toEqual([]);
    await screenshot(taylor, "team-inbox-note-390");

    for (const page of [taylor, owner, riley]) await page.context().close();
  });
});
