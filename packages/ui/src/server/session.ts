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

/** Only a safe, local path may follow a sign-in. */
export function safeRedirect(to: FormDataEntryValue | string | null, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//")) return fallback;
  return to;
}
