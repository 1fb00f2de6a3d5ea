import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@hearth/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApps } from "../src/build-apps";
import { freePort } from "../src/free-port";
import { repoRoot } from "../src/paths";
import { openAndCloseMany, openLiveStream, signIn } from "./live-client";
import { type StartedProcess, startProcess } from "./processes";

/**
 * The production server (`npm start`, infra/src/serve.ts) on the production build, on a database
 * of this file's own. `--gc-global` makes every collection a full one, so a live subscription that
 * only a garbage-collectable object could end shows up here, not after hours in production.
 */
let t: TestDatabase;
let server: StartedProcess;
let managerUrl: string;
let residentUrl: string;

beforeAll(async () => {
  await buildApps();
  t = await createTestDatabase({ seeded: true });
  const [managerPort, residentPort] = [await freePort(), await freePort()];
  managerUrl = `http://127.0.0.1:${managerPort}`;
  residentUrl = `http://127.0.0.1:${residentPort}`;
  server = startProcess(process.execPath, ["--gc-global", "--import", "tsx", "src/serve.ts"], {
    cwd: path.join(repoRoot, "infra"),
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: t.url,
      MANAGER_PORT: String(managerPort),
      RESIDENT_PORT: String(residentPort),
      LOG_LEVEL: "warn",
    },
  });
  await server.healthy([`${managerUrl}/healthz`, `${residentUrl}/healthz`], 60_000);
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await t?.destroy();
});

describe("the production server", () => {
  it("sends the security headers on pages, the API and assets, with the page's nonce", async () => {
    const page = await fetch(`${managerUrl}/login`);
    const html = await page.text();
    const csp = page.headers.get("content-security-policy") ?? "";
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(html).toContain(`nonce="${nonce}"`);
    const asset = html.match(/\/assets\/[\w.-]+\.js/)?.[0];
    for (const url of [
      `${managerUrl}/login`,
      `${managerUrl}/api/trpc/auth.me`,
      `${managerUrl}${asset}`,
    ]) {
      const response = await fetch(url);
      await response.body?.cancel();
      expect(response.headers.get("x-frame-options"), url).toBe("DENY");
      expect(response.headers.get("x-content-type-options"), url).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), url).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("content-security-policy"), url).toContain("default-src 'self'");
    }
    const other = await fetch(`${managerUrl}/login`);
    await other.body?.cancel();
    expect(other.headers.get("content-security-policy")).not.toContain(`'nonce-${nonce}'`);
  });

  it("answers a form post from another site with 403, not 500", async () => {
    const response = await fetch(`${managerUrl}/login`, {
      method: "POST",
      headers: {
        origin: "http://evil.example",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "email=owner%40standard.demo&password=demo-password",
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("serves both apps' pages, and their hashed assets with a long cache", async () => {
    for (const base of [managerUrl, residentUrl]) {
      const page = await fetch(`${base}/login`);
      expect(page.status).toBe(200);
      const html = await page.text();
      const asset = html.match(/\/assets\/[\w.-]+\.js/)?.[0];
      expect(asset).toBeDefined();
      const file = await fetch(`${base}${asset}`);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toMatch(/javascript/);
      expect(file.headers.get("cache-control")).toContain("immutable");
      expect((await file.arrayBuffer()).byteLength).toBe(
        Number(file.headers.get("content-length")),
      );
      const outside = await fetch(`${base}/assets/..%2f..%2fserver%2findex.js`);
      await outside.body?.cancel();
      expect(outside.status).toBe(404);
    }
  });

  it("ends every live subscription whose client leaves: 200 opened and closed, none left", async () => {
    const cookie = await signIn(residentUrl, "resident@standard.demo");
    const { openMs, drainMs } = await openAndCloseMany(residentUrl, cookie, 200);
    expect(drainMs).toBeLessThan(5_000);
    process.stdout.write(
      `production server: 200 streams open in ${openMs} ms, gone in ${drainMs} ms\n`,
    );
  });

  it("stops on SIGTERM: live streams end and the process exits 0", async () => {
    const cookie = await signIn(managerUrl, "owner@standard.demo");
    const stream = openLiveStream(managerUrl, cookie);
    await stream.ready;
    const code = await server.stop();
    await stream.ended;
    expect(code).toBe(0);
  });
});
