import type { AppKind } from "@hearth/db";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { problemOf, rethrowAsResponse } from "./http-errors";
import { callApi, requireUser } from "./session";

/** The notification settings page and the unsubscribe link's page, the same in both apps. */
export function notificationRoutes(app: AppKind) {
  return {
    async settingsLoader({ request }: LoaderFunctionArgs) {
      const { api, headers } = await requireUser(app, request);
      const settings = await api.notifications.settings().catch(rethrowAsResponse);
      return data({ settings }, { headers });
    },

    /** Showing the page changes nothing; the button (or a mail client's one-click POST) does. */
    unsubscribeLoader({ params }: LoaderFunctionArgs) {
      return { token: params.token ?? "", done: null, problem: null };
    },

    async unsubscribeAction({ request, params }: ActionFunctionArgs) {
      const token = params.token ?? "";
      const { api, headers } = await callApi(app, request);
      try {
        const done = await api.notifications.unsubscribe({ token });
        return data({ token, done, problem: null }, { headers });
      } catch (error) {
        const problem = problemOf(error);
        if (!problem) throw error;
        return data(
          { token, done: null, problem: problem.body.message },
          { status: problem.status, headers },
        );
      }
    },
  };
}
