import type { SessionUser } from "@hearth/api";
import { createRequestCaller } from "@hearth/api/server";
import type { AppKind } from "@hearth/db";
import { redirect } from "@remix-run/node";
import { rethrowAsResponse } from "./http-errors";
import { apiRuntime } from "./runtime";

export type ApiCaller = Awaited<ReturnType<typeof createRequestCaller>>;

/**
 * The API as this request's user sees it. Cookies the API sets (sign-in, refresh, sign-out) are
 * collected on `headers`; return them with the response.
 */
export async function callApi(
  app: AppKind,
  request: Request,
): Promise<{ api: ApiCaller; headers: Headers }> {
  const headers = new Headers();
  try {
    return { api: await createRequestCaller(apiRuntime(), app, request, headers), headers };
  } catch (error) {
    rethrowAsResponse(error);
  }
}

export interface SignedIn {
  api: ApiCaller;
  headers: Headers;
  user: SessionUser;
  organization: {
    id: string;
    name: string;
    slug: string;
    policyProfile: string;
    timezone: string;
  } | null;
}

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export async function requireUser(app: AppKind, request: Request): Promise<SignedIn> {
  const { api, headers } = await callApi(app, request);
  const me = await api.auth.me();
  if (!me) {
    const url = new URL(request.url);
    const back =
      url.pathname === "/" ? "" : `?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
    throw redirect(`/login${back}`, { headers });
  }
  return { api, headers, ...me };
}

const LOCAL = new URL("http://local.invalid");

/** The text with percent-escapes undone until nothing changes; null when they do not decode. */
function fullyDecoded(text: string): string | null {
  let current = text;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

function hasBackslashOrControl(text: string): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char === "\\" || code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Only a path of this site may follow a sign-in. Browsers read `\` as `/` and skip tabs and line
 * breaks, so `/\evil.example` or `/%09/evil.example` would leave the site: any of those, decoded
 * or not, is refused, and what remains must resolve to this origin.
 */
export function safeRedirect(to: FormDataEntryValue | string | null, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  const decoded = fullyDecoded(to);
  if (decoded === null || hasBackslashOrControl(decoded) || decoded.startsWith("//"))
    return fallback;
  const url = new URL(to, LOCAL);
  if (url.origin !== LOCAL.origin) return fallback;
  return url.pathname + url.search + url.hash;
}
