import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@hearth/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../src/free-port";
import { repoRoot } from "../src/paths";
import { openAndCloseMany, signIn } from "./live-client";
import { type StartedProcess, startProcess } from "./processes";

/**
 * The dev app server as `npm run dev` starts it (`remix vite:dev` in the app's folder), on a
 * database of this file's own. `--gc-global`: see production-server.test.ts.
 */
let t: TestDatabase;
let server: StartedProcess;
let baseUrl: string;

beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const remix = path.join(repoRoot, "node_modules", ".bin", "remix");
  server = startProcess(process.execPath, ["--gc-global", remix, "vite:dev"], {
    cwd: path.join(repoRoot, "apps", "resident"),
    env: {
      ...process.env,
      NODE_ENV: "development",
      DATABASE_URL: t.url,
      RESIDENT_PORT: String(port),
      LOG_LEVEL: "warn",
    },
  });
  await server.healthy([`${baseUrl}/healthz`], 120_000);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await t?.destroy();
});

describe("the dev app server", () => {
  it("sends the security headers, with the page's nonce on its scripts, as production does", async () => {
    const page = await fetch(`${baseUrl}/login`);
    const html = await page.text();
    const csp = page.headers.get("content-security-policy") ?? "";
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(html).toContain(`nonce="${nonce}"`);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    const module = await fetch(`${baseUrl}/@vite/client`);
    await module.body?.cancel();
    expect(module.headers.get("x-content-type-options")).toBe("nosniff");
    const foreign = await fetch(`${baseUrl}/login`, {
      method: "POST",
      headers: {
        origin: "http://evil.example",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "email=resident%40standard.demo&password=demo-password",
    });
    await foreign.body?.cancel();
    expect(foreign.status).toBe(403);
  });

  it("ends every live subscription whose client leaves: 200 opened and closed, none left", async () => {
    const cookie = await signIn(baseUrl, "resident@standard.demo");
    const { openMs, drainMs } = await openAndCloseMany(baseUrl, cookie, 200);
    expect(drainMs).toBeLessThan(5_000);
    process.stdout.write(`dev server: 200 streams open in ${openMs} ms, gone in ${drainMs} ms\n`);
  });
});
