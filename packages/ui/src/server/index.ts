/** @hearth/ui/server: server-only helpers for the Remix apps' loaders and actions. */
export { apiRuntime } from "./runtime";
export { callApi, requireUser, safeRedirect, type ApiCaller, type SignedIn } from "./session";
export { problemOf, rethrowAsResponse, type ProblemBody } from "./http-errors";
export { sharedRoutes } from "./routes";
