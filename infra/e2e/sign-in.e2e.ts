import { describe, expect, inject, it } from "vitest";
import { newPage, screenshot, signIn, unique, useBrowser } from "./browser";

const { managerUrl, residentUrl } = inject("e2e");
const { browser } = useBrowser();

describe("signing in to the manager app", () => {
  it("signs the account owner in to the inbox with the demo history, and out again", async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await newPage(context);
    await page.goto(`${managerUrl}/inbox`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await screenshot(page, "manager-login-desktop");
    await signIn(page, managerUrl, "owner@standard.demo");
    await page.waitForURL(`${managerUrl}/inbox`);
    await page.getByRole("heading", { name: "Messages" }).waitFor();
    // A conversation's title, not its last message: other tests send to the demo conversations.
    await page
      .getByRole("link", { name: /Unit 101/ })
      .first()
      .waitFor();
    await screenshot(page, "manager-inbox-desktop");
    await page.getByRole("link", { name: "People" }).click();
    await page.waitForURL(`${managerUrl}/people`);
    await page.getByText("resident@standard.demo").waitFor();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login$/);
    await page.goto(`${managerUrl}/inbox`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  it("refuses a resident with a message that points to the resident portal", async () => {
    const context = await browser().newContext();
    const page = await newPage(context);
    await signIn(page, managerUrl, "resident@standard.demo");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      `This account signs in to the resident portal at ${residentUrl}/login.`,
    );
    await context.close();
  });

  it("refuses a wrong password and keeps the email typed", async () => {
    const context = await browser().newContext();
    const page = await newPage(context);
    await signIn(page, managerUrl, "team@landlord-led.demo", "not-the-password");
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toBe(
      "That email and password do not match an account.",
    );
    expect(await page.getByLabel("Email").inputValue()).toBe("team@landlord-led.demo");
    await context.close();
  });

  it("works without JavaScript", async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await newPage(context, { javaScript: false });
    await signIn(page, managerUrl, "team@standard.demo");
    await page.waitForURL(`${managerUrl}/inbox`);
    await page.getByRole("heading", { name: "Messages" }).waitFor();
    await context.close();
  });

  it("lets the operator see every organization and keeps managers out of /operator", async () => {
    const context = await browser().newContext();
    const page = await newPage(context);
    await signIn(page, managerUrl, "operator@platform.demo");
    await page.waitForURL(`${managerUrl}/operator`);
    for (const name of [
      "Maple Residential",
      "Harbor Property Management",
      "Foundry Workspace",
      "Oakview Rentals",
    ]) {
      await page.getByRole("link", { name }).waitFor();
    }
    await context.close();

    const managerContext = await browser().newContext();
    const managerPage = await newPage(managerContext);
    await signIn(managerPage, managerUrl, "owner@coworking.demo");
    await managerPage.waitForURL(`${managerUrl}/inbox`);
    const response = await managerPage.goto(`${managerUrl}/operator`);
    expect(response?.status()).toBe(403);
    await managerPage
      .getByRole("heading", { name: "You do not have access to this page" })
      .waitFor();
    await managerContext.close();
  });
});

describe("signing in to the resident portal", () => {
  it("signs a resident in to their messages on a phone-sized screen", async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 } });
    const page = await newPage(context);
    await signIn(page, residentUrl, "resident@landlord-led.demo");
    await page.waitForURL(`${residentUrl}/messages`);
    await page.getByRole("heading", { name: "Messages" }).waitFor();
    await screenshot(page, "resident-messages-phone");
    // On a phone the sections sit in a bottom tab bar; the rest of the menu is under "More".
    await page.getByRole("navigation", { name: "Sections" }).waitFor();
    await page.getByRole("button", { name: "More" }).click();
    await page.getByRole("link", { name: "My account" }).waitFor();
    await context.close();
  });

  it("signs in service pros and owners, and refuses a manager", async () => {
    for (const email of ["pro@connected.demo", "landowner@connected.demo"]) {
      const context = await browser().newContext();
      const page = await newPage(context);
      await signIn(page, residentUrl, email);
      await page.waitForURL(`${residentUrl}/messages`);
      await context.close();
    }
    const context = await browser().newContext();
    const page = await newPage(context);
    await signIn(page, residentUrl, "owner@connected.demo");
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("the manager app");
    await context.close();
  });
});

describe("invitations", () => {
  it("a manager invites a resident, who sets a password from the dev mailbox link and lands in the portal", async () => {
    const context = await browser().newContext();
    const page = await newPage(context);
    await signIn(page, managerUrl, "owner@connected.demo");
    await page.waitForURL(`${managerUrl}/inbox`);
    await page.goto(`${managerUrl}/people`);
    await page.getByLabel("Name", { exact: true }).fill("Quinn Rivera");
    const email = `${unique("quinn")}@example.com`;
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page.getByText(`Invitation sent to ${email}.`).waitFor();
    // The email goes out through the job queue moments after the invitation commits.
    const inviteLinks = page
      .getByRole("listitem")
      .filter({ hasText: email })
      .getByRole("link", { name: new RegExp(`^${residentUrl}/invite/`) });
    const deadline = Date.now() + 15_000;
    do {
      await page.goto(`${managerUrl}/dev/mailbox`);
      if ((await inviteLinks.count()) > 0) break;
      await page.waitForTimeout(250);
    } while (Date.now() < deadline);
    const link = await inviteLinks.first().getAttribute("href");
    expect(link).toBeTruthy();
    await context.close();

    const invitee = await browser().newContext();
    const invitePage = await newPage(invitee);
    await invitePage.goto(link!);
    await invitePage.getByRole("heading", { name: "Join Harbor Property Management" }).waitFor();
    await invitePage.getByLabel("Password", { exact: true }).fill("quinn-password");
    await invitePage.getByLabel("Repeat password").fill("quinn-password");
    await invitePage.getByRole("button", { name: "Set password and connect" }).click();
    await invitePage.waitForURL(`${residentUrl}/messages`);
    await invitee.close();
  });
});
