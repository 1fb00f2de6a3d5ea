import type { Locator, Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { newPage, screenshot, signIn, unique, useBrowser } from "./browser";

const { managerUrl, residentUrl } = inject("e2e");
const { browser } = useBrowser();

const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

const opened: Page[] = [];
afterAll(async () => {
  for (const page of opened) await page.context().close();
});

async function signedIn(
  baseUrl: string,
  email: string,
  options: { viewport?: typeof desktop; javaScript?: boolean } = {},
): Promise<Page> {
  const javaScript = options.javaScript ?? true;
  const context = await browser().newContext({
    viewport: options.viewport ?? desktop,
    javaScriptEnabled: javaScript,
  });
  const page = await newPage(context, { javaScript });
  opened.push(page);
  await signIn(page, baseUrl, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

function mainNav(page: Page): Locator {
  return page.getByRole("navigation", { name: "Main" });
}

function comments(page: Page): Locator {
  return page.getByRole("list", { name: "Comments" });
}

function comment(page: Page, text: string): Locator {
  return comments(page).getByRole("listitem").filter({ hasText: text });
}

async function respond(page: Page, text: string): Promise<void> {
  await page.getByPlaceholder("Write a response").fill(text);
  await page.getByRole("button", { name: "Respond" }).click();
  await comment(page, text).waitFor();
  await expect.poll(() => page.getByPlaceholder("Write a response").inputValue()).toBe("");
}

async function deleteComment(page: Page, text: string): Promise<void> {
  const item = comment(page, text);
  await item.getByLabel("Comment actions").click();
  await item.getByRole("button", { name: "Delete" }).click();
  await comment(page, text).waitFor({ state: "detached" });
}

/** Words only this run's post has, so search finds it and nothing else. */
const word = unique("heron").replace(/-/g, "");
const title = `Bike room ${word} reopens`;
let postPath = "";

describe("the Property Message Board", () => {
  it("a manager publishes a post from the board's page", async () => {
    const manager = await signedIn(managerUrl, "owner@connected.demo");
    await manager.goto(`${managerUrl}/inbox`);
    await mainNav(manager).getByRole("link", { name: "Message board" }).click();
    await manager.waitForURL(`${managerUrl}/board`);
    await manager.getByLabel("Title", { exact: true }).fill(title);
    await manager.getByLabel("Kind of post", { exact: true }).selectOption({ label: "Notice" });
    await manager.getByLabel("For", { exact: true }).selectOption({ label: "Harbor View" });
    await manager
      .getByLabel("Post", { exact: true })
      .fill(`The ${word} bike room is open again from Monday.`);
    await manager.getByRole("button", { name: "Publish" }).click();
    await manager.waitForURL(/\/board\/[0-9a-f-]{36}$/);
    postPath = new URL(manager.url()).pathname;
    await manager.getByRole("heading", { name: title }).waitFor();
    await screenshot(manager, "board-manager-post-desktop");
  });

  it("a resident with an active lease finds it with search, comments, and deletes the comment before the manager opens it", async () => {
    const resident = await signedIn(residentUrl, "resident@connected.demo");
    await mainNav(resident).getByRole("link", { name: "Message board" }).click();
    await resident.waitForURL(`${residentUrl}/board`);
    await resident.getByRole("searchbox", { name: "Search posts" }).fill(word.slice(0, 8));
    await resident.getByRole("button", { name: "Search" }).click();
    await resident.waitForURL((url) => url.searchParams.get("q") === word.slice(0, 8));
    const found = resident.getByRole("list", { name: "Posts" }).getByRole("link");
    await expect.poll(() => found.count()).toBe(1);
    await screenshot(resident, "board-list-desktop");
    await found.first().click();
    await resident.getByRole("heading", { name: title }).waitFor();

    const mistake = `Wrong post, sorry ${unique("oops")}`;
    await respond(resident, mistake);
    await deleteComment(resident, mistake);

    const kept = `Great news, thanks ${unique("kept")}`;
    await respond(resident, kept);
    await comment(resident, kept).getByLabel("Comment actions").click();
    await comment(resident, kept).getByRole("button", { name: "Delete" }).waitFor();
    await screenshot(resident, "board-resident-post-desktop");

    // The manager opens the post: the page tells the API which comments it showed.
    const manager = await signedIn(managerUrl, "owner@connected.demo");
    const markedSeen = manager.waitForResponse(
      (response) => response.request().method() === "POST" && response.url().includes(postPath),
    );
    await manager.goto(`${managerUrl}${postPath}`);
    await comment(manager, kept).waitFor();
    expect(await comments(manager).getByText(mistake).count()).toBe(0);
    expect((await markedSeen).ok()).toBe(true);

    await resident.reload();
    await comment(resident, kept).waitFor();
    expect(await comment(resident, kept).getByLabel("Comment actions").count()).toBe(0);
  });

  it("works without JavaScript: a resident responds and removes their response", async () => {
    const resident = await signedIn(residentUrl, "roommate@connected.demo", { javaScript: false });
    await resident.goto(`${residentUrl}${postPath}`);
    const text = `No-script reply ${unique("plain")}`;
    await respond(resident, text);
    await deleteComment(resident, text);
  });

  it('comments turned off show "Commenting this post is not available"', async () => {
    const manager = await signedIn(managerUrl, "owner@connected.demo");
    await manager.goto(`${managerUrl}${postPath}`);
    await manager.getByRole("button", { name: "Turn comments off" }).click();
    await manager.getByRole("button", { name: "Turn comments on" }).waitFor();
    const resident = await signedIn(residentUrl, "resident@connected.demo", { viewport: phone });
    await resident.goto(`${residentUrl}${postPath}`);
    await resident.getByText("Commenting this post is not available").waitFor();
    expect(await resident.getByPlaceholder("Write a response").count()).toBe(0);
    await screenshot(resident, "board-post-phone");
    await resident.getByRole("link", { name: "← All posts" }).click();
    await resident.getByRole("list", { name: "Posts" }).waitFor();
    await screenshot(resident, "board-list-phone");
  });

  it("a former resident is refused with the reason", async () => {
    const former = await signedIn(residentUrl, "former@connected.demo");
    expect(await mainNav(former).getByRole("link", { name: "Message board" }).count()).toBe(0);
    await former.goto(`${residentUrl}/board`);
    await former
      .getByText("To access the message board you need an active lease shared with you.")
      .waitFor();
    await former.goto(`${residentUrl}${postPath}`);
    await former
      .getByText("To access the message board you need an active lease shared with you.")
      .waitFor();
    await screenshot(former, "board-refused-former-resident");
  });
});
