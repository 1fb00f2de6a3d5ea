import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["../db/src/testing/global-setup.ts"],
    include: ["test/**/*.test.ts"],
    // The sweep of every procedure runs on its own: `npm run test:security`.
    exclude: [...configDefaults.exclude, "test/security/sweep/**"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
