import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: new URL(".", import.meta.url).pathname,
    globalSetup: ["../packages/db/src/testing/global-setup.ts"],
    include: ["test/**/*.test.ts"],
    // Each file runs a server of its own: one at a time on two cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
