import { mkdir } from "node:fs/promises";
import path from "node:path";
import { HYDRATED_ATTRIBUTE } from "@hearth/ui/hydration";
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Page,
  type Response,
} from "playwright-core";
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
const withoutJavaScript = new WeakSet<Page>();

/**
 * Resolves once React has hydrated the page (the apps mark <html data-hydrated>), so a test types
 * into and clicks React's page, not the server's HTML that React is about to take over. Returns at
 * once for a page without JavaScript or a response that is not a page.
 */
export async function waitForHydration(page: Page, response?: Response | null): Promise<void> {
  if (withoutJavaScript.has(page)) return;
  if (response && !(response.headers()["content-type"] ?? "").startsWith("text/html")) return;
  await page
    .locator(`html[${HYDRATED_ATTRIBUTE}]`)
    .waitFor({ state: "attached", timeout: 20_000 })
    .catch(() => {
      throw new Error(`${page.url()} did not hydrate within 20 s (a script error?)`);
    });
}

/**
 * A page whose logged errors fail the test, as a person would notice a broken page. Its `goto`
 * and `reload` resolve only once the new document has hydrated.
 */
export async function newPage(
  context: BrowserContext,
  options: { javaScript?: boolean } = {},
): Promise<Page> {
  const page = await context.newPage();
  if (options.javaScript === false) withoutJavaScript.add(page);
  const problems = pageProblems;
  page.on("console", (message) => {
    if (
      message.type() === "error" &&
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(
        message.text(),
      ) &&
      // A test that takes the browser offline sees its requests fail, as a person would.
      !/net::ERR_INTERNET_DISCONNECTED/.test(message.text())
    ) {
      problems.push(message.text());
    }
  });
  page.on("pageerror", (error) => problems.push(error.message));
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (url, gotoOptions) => {
    const response = await goto(url, gotoOptions);
    await waitForHydration(page, response);
    return response;
  };
  page.reload = async (reloadOptions) => {
    const response = await reload(reloadOptions);
    await waitForHydration(page, response);
    return response;
  };
  return page;
}

export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  password = "demo-password",
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A value no other test (or earlier run against the same data) has used: for emails, texts. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Saves a screenshot under test-results/ for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(repoRoot, "test-results", "screenshots");
  await mkdir(dir, { recursive: true });
  // Before hydration a screenshot's own style tweaks would look like a server/client mismatch.
  await waitForHydration(page);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
