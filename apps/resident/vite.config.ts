import { defineConfig } from "vite";
import { remixAppConfig } from "../../infra/vite/remix-app";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(remixAppConfig(Number(process.env.RESIDENT_PORT ?? 3001)));
