import { defineConfig } from "vitest/config";

/** `npm run test:security`: the security tests, the sweep of every procedure included. */
export default defineConfig({
  test: {
    globalSetup: ["../db/src/testing/global-setup.ts"],
    include: ["test/security/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
