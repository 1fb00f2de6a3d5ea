import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/** One axe-core rule a page breaks, with where. */
export interface Finding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

interface AxeResults {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown[] }[];
  }[];
}

let axeSource: Promise<string> | undefined;

function loadAxe(): Promise<string> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  return axeSource;
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules) on the page as it is now and returns its serious and
 * critical findings. The page's context needs `bypassCSP: true`: the apps' CSP lets only their own
 * nonced scripts run.
 */
export async function seriousFindings(page: Page): Promise<Finding[]> {
  await page.addScriptTag({ content: await loadAxe() });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(options: object): Promise<unknown> } }).axe;
    return axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    });
  });
  return (results as AxeResults).violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? "",
      help: v.help,
      targets: v.nodes.slice(0, 5).map((node) => node.target.map(String).join(" ")),
    }));
}
