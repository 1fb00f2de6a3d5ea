import type { Browser, Page } from "playwright-core";
import { newPage, signIn } from "./browser";

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };

/** A new browser context signed in as `email`; `bypassCSP` lets axe run in it. */
export async function signedIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  options: { viewport?: { width: number; height: number }; colorScheme?: "light" | "dark" } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? desktop,
    colorScheme: options.colorScheme ?? "light",
    bypassCSP: true,
  });
  const page = await newPage(context);
  await signIn(page, baseUrl, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

/** The open conversation, not the list beside it. */
export function thread(page: Page) {
  return page.getByRole("region", { name: /^Conversation:/ });
}
