import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: new URL(".", import.meta.url).pathname,
    globalSetup: ["./global-setup.ts"],
    include: ["**/*.e2e.ts"],
    // One browser session at a time: two cores also run Postgres and two Vite servers.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The global teardown stops the product it started; give it longer than its own grace period.
    teardownTimeout: 30_000,
  },
});
