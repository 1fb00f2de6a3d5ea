import type { AppKind } from "@hearth/db";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { problemOf, rethrowAsResponse } from "./http-errors";
import { callApi } from "./session";

/** "Forgot password?" and the page its emailed link opens, in either app. */
export function passwordResetRoutes(app: AppKind) {
  return {
    async forgotAction({ request }: ActionFunctionArgs) {
      const form = await request.formData();
      const email = String(form.get("email") ?? "");
      const { api, headers } = await callApi(app, request);
      try {
        const { message } = await api.auth.requestPasswordReset({ email });
        return data({ sent: true, message, email, fieldErrors: {} }, { headers });
      } catch (error) {
        const problem = problemOf(error);
        if (!problem) rethrowAsResponse(error);
        return data({ sent: false, email, ...problem.body }, { status: problem.status, headers });
      }
    },

    async resetLoader({ request, params }: LoaderFunctionArgs) {
      const { api } = await callApi(app, request);
      try {
        const link = await api.auth.passwordReset({ token: params.token ?? "" });
        return data({ email: link.email, problem: null });
      } catch (error) {
        const problem = problemOf(error);
        if (!problem) rethrowAsResponse(error);
        return data({ email: null, problem: problem.body.message }, { status: problem.status });
      }
    },

    async resetAction({ request, params }: ActionFunctionArgs) {
      const form = await request.formData();
      const password = String(form.get("password") ?? "");
      if (password !== String(form.get("confirm") ?? ""))
        return data(
          {
            message: "The passwords do not match.",
            fieldErrors: { confirm: ["The passwords do not match."] },
          },
          { status: 400 },
        );
      const { api, headers } = await callApi(app, request);
      try {
        await api.auth.resetPassword({ token: params.token ?? "", password });
      } catch (error) {
        const problem = problemOf(error);
        if (!problem) rethrowAsResponse(error);
        return data(problem.body, { status: problem.status, headers });
      }
      // Every session of the account ended, this browser's too: sign in with the new password.
      throw redirect("/login?reset=1", { headers });
    },
  };
}
