import { type ApiRuntime, createApiRuntime } from "@hearth/api/server";

const key = Symbol.for("hearth.apiRuntime");
type Holder = { [key]?: ApiRuntime };

/**
 * The API runtime of this server process. Kept on globalThis so that Vite's module reloads in
 * dev reuse one pool instead of opening a new one on every edit.
 */
export function apiRuntime(): ApiRuntime {
  const holder = globalThis as Holder;
  holder[key] ??= createApiRuntime();
  return holder[key];
}
