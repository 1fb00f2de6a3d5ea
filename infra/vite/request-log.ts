import type { Plugin } from "vite";

type UiServer = typeof import("@hearth/ui/server");

/** Vite's own traffic (modules, client, pre-bundled deps, files): not what a developer follows. */
function isViteTraffic(url: string): boolean {
  const pathname = url.split("?")[0] ?? url;
  return (
    /^\/(@|node_modules\/|app\/|__)/.test(pathname) ||
    /\.[a-z0-9]+$/i.test(pathname.split("/").pop() ?? "")
  );
}

/**
 * One log line per page, data or API request in dev ("GET /inbox 200 14 ms"), an unknown URL
 * included, through the app's own logger, so the launcher prints it like every other record.
 */
export function requestLogInDev(): Plugin {
  return {
    name: "hearth:request-log",
    apply: "serve",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? "/";
        if (isViteTraffic(url)) return next();
        const started = performance.now();
        res.once("close", () => {
          const ms = Math.round(performance.now() - started);
          void server
            .ssrLoadModule("@hearth/ui/server")
            .then((ui) => {
              const { logger } = (ui as UiServer).apiRuntime().deps;
              const line = `${req.method} ${url.split("?")[0]} ${res.statusCode} ${ms} ms`;
              if (res.statusCode >= 500) logger.error(line);
              else logger.info(line);
            })
            .catch(() => {});
        });
        next();
      });
    },
  };
}
