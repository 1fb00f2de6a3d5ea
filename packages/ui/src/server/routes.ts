import { handleHealthRequest } from "@hearth/api/server";
import type { AppKind } from "@hearth/db";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import type { DocumentData } from "../document-data";
import { serviceWorkerResponse } from "../notifications/service-worker";
import { cspNonceOf } from "./csp-nonce";
import { problemOf, rethrowAsResponse } from "./http-errors";
import { apiRuntime } from "./runtime";
import { callApi, safeRedirect } from "./session";

/**
 * The route modules both apps share. Each app's route file re-exports these bound to its app,
 * so sign-in, invitations and health behave the same in both. (`/api/trpc` never reaches Remix:
 * the production server and the dev server's Vite plugin answer it first.)
 */
export function sharedRoutes(app: AppKind) {
  return {
    health: (_: LoaderFunctionArgs) => handleHealthRequest(apiRuntime(), app),

    /** `/sw.js`: the service worker that shows Web Push notifications. */
    serviceWorker: (_: LoaderFunctionArgs) => serviceWorkerResponse(),

    /** The root loader: the document's CSP nonce, which the server stamped on the request. */
    document: ({ request }: LoaderFunctionArgs): DocumentData => ({
      nonce: cspNonceOf(request),
    }),

    async loginLoader({ request }: LoaderFunctionArgs) {
      const { api, headers } = await callApi(app, request);
      if (await api.auth.me())
        throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")), {
          headers,
        });
      return Response.json({}, { headers });
    },

    async loginAction({ request }: ActionFunctionArgs) {
      const form = await request.formData();
      const email = String(form.get("email") ?? "");
      // Sent once the form shows its Code field (the account has two-factor sign-in on).
      const code = String(form.get("code") ?? "").trim();
      const { api, headers } = await callApi(app, request);
      try {
        await api.auth.signIn({
          email,
          password: String(form.get("password") ?? ""),
          ...(code ? { code } : {}),
        });
      } catch (error) {
        const problem = problemOf(error);
        if (!problem) rethrowAsResponse(error);
        // Keep asking for the code once it was asked for or given.
        const needsCode = Boolean(problem.body.fieldErrors.code) || form.has("code");
        return Response.json(
          { ...problem.body, email, needsCode },
          { status: problem.status, headers },
        );
      }
      throw redirect(safeRedirect(form.get("redirectTo")), { headers });
    },

    async logoutAction({ request }: ActionFunctionArgs) {
      const { api, headers } = await callApi(app, request);
      if (await api.auth.me()) await api.auth.signOut();
      throw redirect("/login", { headers });
    },

    async inviteLoader({ request, params }: LoaderFunctionArgs) {
      const { api } = await callApi(app, request);
      try {
        return Response.json({
          invitation: await api.auth.invitation({ token: params.token ?? "" }),
          problem: null,
        });
      } catch (error) {
        const problem = problemOf(error);
        if (!problem) rethrowAsResponse(error);
        return Response.json(
          { invitation: null, problem: problem.body.message },
          { status: problem.status },
        );
      }
    },

    async inviteAction({ request, params }: ActionFunctionArgs) {
      const form = await request.formData();
      const password = String(form.get("password") ?? "");
      if (password !== String(form.get("confirm") ?? "")) {
        return Response.json(
          {
            message: "The passwords do not match.",
            fieldErrors: { confirm: ["The passwords do not match."] },
          },
          { status: 400 },
        );
      }
      const { api, headers } = await callApi(app, request);
      try {
        await api.auth.acceptInvitation({ token: params.token ?? "", password });
      } catch (error) {
        const problem = problemOf(error);
        if (!problem) rethrowAsResponse(error);
        return Response.json(problem.body, { status: problem.status, headers });
      }
      throw redirect("/", { headers });
    },
  };
}
