import { callApi, messengerRoutes, requireUser, sharedRoutes } from "@hearth/ui/server";

// Routes import server helpers only through this `.server` module, so the client build (and
// Vite's dependency scan) never follows them into the database code.
export { problemOf, rethrowAsResponse } from "@hearth/ui/server";

/** This app's half of the shared routes and session helpers. */
export const routes = sharedRoutes("manager");

export const requireManagerUser = (request: Request) => requireUser("manager", request);

export const messenger = messengerRoutes("manager");

/** The API as this request's user sees it, in this app. */
export const callAppApi = (request: Request) => callApi("manager", request);
