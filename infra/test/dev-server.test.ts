import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@hearth/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../src/paths";
import { openAndCloseMany, signIn } from "./live-client";
import { freePort, type StartedProcess, startProcess } from "./processes";

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
  it("ends every live subscription whose client leaves: 200 opened and closed, none left", async () => {
    const cookie = await signIn(baseUrl, "resident@standard.demo");
    const { openMs, drainMs } = await openAndCloseMany(baseUrl, cookie, 200);
    expect(drainMs).toBeLessThan(5_000);
    process.stdout.write(`dev server: 200 streams open in ${openMs} ms, gone in ${drainMs} ms\n`);
  });
});
