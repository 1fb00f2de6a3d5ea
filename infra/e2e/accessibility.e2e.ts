import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { type Finding, seriousFindings } from "./axe";
import { newPage, signIn, useBrowser } from "./browser";

const { managerUrl, residentUrl } = inject("e2e");
const { browser } = useBrowser();

const MAX_PAGES = 40;
/** Never followed: it would end the session the crawl runs in. */
const SKIPPED = /^\/(logout|api\/)/;

/** The same page for different records ("/inbox/3f…" and "/inbox/9a…") is checked once. */
function pageKind(pathname: string): string {
  return pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ":id");
}

async function linksOn(page: Page, origin: string): Promise<string[]> {
  const hrefs = await page
    .locator("a[href]")
    .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin && !SKIPPED.test(url.pathname))
    .map((url) => `${url.origin}${url.pathname}${url.search}`);
}

/**
 * Visits every kind of page reachable by links from `start` (one of each kind, up to MAX_PAGES)
 * and returns the serious and critical axe findings of each. Pages added later are covered as
 * soon as something links to them.
 */
async function crawl(page: Page, start: string[]): Promise<Map<string, Finding[]>> {
  const origin = new URL(start[0] ?? "").origin;
  const queue = [...start];
  const seen = new Set<string>();
  const findings = new Map<string, Finding[]>();
  while (queue.length > 0 && seen.size < MAX_PAGES) {
    const url = queue.shift() ?? "";
    const kind = pageKind(new URL(url).pathname);
    if (seen.has(kind)) continue;
    seen.add(kind);
    await page.goto(url);
    const found = await seriousFindings(page);
    if (found.length > 0) findings.set(new URL(page.url()).pathname, found);
    for (const link of await linksOn(page, origin))
      if (!seen.has(pageKind(new URL(link).pathname))) queue.push(link);
  }
  expect(seen.size, `pages checked from ${start.join(", ")}`).toBeGreaterThan(0);
  return findings;
}

function report(findings: Map<string, Finding[]>): string[] {
  return [...findings].flatMap(([page, list]) =>
    list.map((f) => `${page}: ${f.impact} ${f.rule} (${f.help}) at ${f.targets.join(", ")}`),
  );
}

async function axeContext(viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
  return browser().newContext({ viewport, bypassCSP: true });
}

describe("accessibility (axe-core, WCAG 2.1 AA): no serious or critical finding", () => {
  it("on the pages a signed-out visitor sees", async () => {
    const context = await axeContext();
    const page = await newPage(context);
    const findings = await crawl(page, [
      `${managerUrl}/login`,
      `${residentUrl}/login`,
      `${managerUrl}/no-such-page`,
    ]);
    await context.close();
    expect(report(findings)).toEqual([]);
  });

  const signedIn = [
    { who: "an account owner", app: managerUrl, email: "owner@standard.demo", start: "/inbox" },
    { who: "a sub-user", app: managerUrl, email: "team@connected.demo", start: "/inbox" },
    { who: "an operator", app: managerUrl, email: "operator@platform.demo", start: "/operator" },
    { who: "a resident", app: residentUrl, email: "resident@connected.demo", start: "/messages" },
    {
      who: "a coworking member",
      app: residentUrl,
      email: "resident@coworking.demo",
      start: "/messages",
    },
  ];
  for (const { who, app, email, start } of signedIn) {
    it(`on every page ${who} can reach`, { timeout: 240_000 }, async () => {
      const context = await axeContext();
      const page = await newPage(context);
      await signIn(page, app, email);
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
      const findings = await crawl(page, [`${app}${start}`]);
      await context.close();
      expect(report(findings)).toEqual([]);
    });
  }

  it("on a phone, the resident's messages and a thread", async () => {
    const context = await axeContext({ width: 390, height: 844 });
    const page = await newPage(context);
    await signIn(page, residentUrl, "resident@standard.demo");
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    const findings = await crawl(page, [`${residentUrl}/messages`]);
    await context.close();
    expect(report(findings)).toEqual([]);
  });
});
