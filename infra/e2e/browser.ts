import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { repoRoot } from "../src/paths";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** One headless Debian Chromium per test file; nothing is downloaded. */
export function useBrowser(): { browser: () => Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    const seen = pageProblems.splice(0);
    expect(seen, "errors logged by the page").toEqual([]);
  });
  return {
    browser: () => {
      if (!browser) throw new Error("browser not started");
      return browser;
    },
  };
}

const pageProblems: string[] = [];

/** A page whose logged errors fail the test, as a person would notice a broken page. */
export async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const problems = pageProblems;
  page.on("console", (message) => {
    if (
      message.type() === "error" &&
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
    ) {
      problems.push(message.text());
    }
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return page;
}

export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  password = "demo-password",
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  // Let the page hydrate first; typing into server HTML that React then adopts is not the case under test.
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Saves a screenshot under test-results/ for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(repoRoot, "test-results", "screenshots");
  await mkdir(dir, { recursive: true });
  // Before hydration a screenshot's own style tweaks would look like a server/client mismatch.
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
