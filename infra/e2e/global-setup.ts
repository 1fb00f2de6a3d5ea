/**
 * Starts the product the way a developer does (`npm run dev`, i.e. infra/src/dev.ts) on free
 * ports with a throwaway data folder, waits until both apps answer /healthz, and stops it after.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { freePort } from "../src/free-port";
import { repoRoot } from "../src/paths";
import { waitForHealth } from "../src/wait";

declare module "vitest" {
  export interface ProvidedContext {
    e2e: { managerUrl: string; residentUrl: string };
  }
}

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env;
  return rest;
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/**
 * Loads each app once in the browser, so Vite compiles and pre-bundles what pages need before a
 * test depends on a page staying put (a late re-optimization reloads open pages).
 */
async function warmUp(urls: string[]): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  try {
    for (const url of urls) {
      const page = await browser.newPage();
      await page.goto(`${url}/login`);
      await page.waitForLoadState("networkidle");
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "hearth-e2e-"));
  const [managerPort, residentPort, pgPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const output: string[] = [];
  const launcher: ChildProcess = spawn(
    path.join(repoRoot, "node_modules", ".bin", "tsx"),
    ["src/dev.ts"],
    {
      cwd: path.join(repoRoot, "infra"),
      // Always a throwaway embedded database, even where DATABASE_URL points at someone's data.
      env: {
        ...withoutDatabaseUrl(process.env),
        HEARTH_DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(pgPort),
        MANAGER_PORT: String(managerPort),
        RESIDENT_PORT: String(residentPort),
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  launcher.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  launcher.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const managerUrl = `http://localhost:${managerPort}`;
  const residentUrl = `http://localhost:${residentPort}`;
  try {
    await Promise.all([
      waitForHealth(`${managerUrl}/healthz`, 150_000),
      waitForHealth(`${residentUrl}/healthz`, 150_000),
    ]);
  } catch (error) {
    process.stderr.write(output.join(""));
    killGroup(launcher);
    throw error;
  }
  await warmUp([managerUrl, residentUrl]);
  project.provide("e2e", { managerUrl, residentUrl });
  return async () => {
    const exited = new Promise((resolve) => launcher.once("exit", resolve));
    launcher.kill("SIGTERM");
    const timeout = new Promise((resolve) => setTimeout(resolve, 20_000, "timeout"));
    if ((await Promise.race([exited, timeout])) === "timeout") killGroup(launcher);
    await rm(dataDir, { recursive: true, force: true });
  };
}
