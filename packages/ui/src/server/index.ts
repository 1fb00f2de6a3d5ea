/** @hearth/ui/server: server-only helpers for the Remix apps' loaders and actions. */

export { accountRoutes } from "./account-routes";
export { boardRoutes } from "./board-routes";
export { type ProblemBody, problemOf, rethrowAsResponse } from "./http-errors";
export { messengerRoutes } from "./messenger-routes";
export { notificationRoutes } from "./notification-routes";
export { passwordResetRoutes } from "./password-reset-routes";
export { sharedRoutes } from "./routes";
export { apiRuntime } from "./runtime";
export { searchRoutes } from "./search-route";
export { type ApiCaller, callApi, requireUser, type SignedIn, safeRedirect } from "./session";
