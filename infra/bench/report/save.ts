import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "playwright-core";
import type { ChartSpec } from "./chart";
import { renderChart } from "./chart";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Writes `<dir>/<stamp>.json`, a folder `<dir>/<stamp>/` with one SVG per chart, and a PNG of
 * each when Debian's Chromium is installed (never downloaded). Returns what it wrote.
 */
export async function saveResults(
  dir: string,
  stamp: string,
  results: unknown,
  charts: { name: string; spec: ChartSpec }[],
): Promise<string[]> {
  const chartDir = path.join(dir, stamp);
  await mkdir(chartDir, { recursive: true });
  const written: string[] = [];
  const json = path.join(dir, `${stamp}.json`);
  await writeFile(json, `${JSON.stringify(results, null, 2)}\n`);
  written.push(json);
  const svgs = charts.map(({ name, spec }) => ({ name, svg: renderChart(spec) }));
  for (const { name, svg } of svgs) {
    const file = path.join(chartDir, `${name}.svg`);
    await writeFile(file, svg);
    written.push(file);
  }
  if (existsSync(CHROMIUM) && svgs.length > 0) written.push(...(await toPng(chartDir, svgs)));
  return written;
}

async function toPng(dir: string, svgs: { name: string; svg: string }[]): Promise<string[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  const written: string[] = [];
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1.5 });
    for (const { name, svg } of svgs) {
      await page.setContent(`<body style="margin:0">${svg}</body>`);
      const file = path.join(dir, `${name}.png`);
      await page.locator("svg").screenshot({ path: file });
      written.push(file);
    }
  } finally {
    await browser.close();
  }
  return written;
}
