/** @hearth/ui/server: server-only helpers for the Remix apps' loaders and actions. */

export { type ProblemBody, problemOf, rethrowAsResponse } from "./http-errors";
export { messengerRoutes } from "./messenger-routes";
export { sharedRoutes } from "./routes";
export { apiRuntime } from "./runtime";
export { type ApiCaller, callApi, requireUser, type SignedIn, safeRedirect } from "./session";
