import { callApi, messengerRoutes, requireUser, sharedRoutes } from "@hearth/ui/server";

// Routes import server helpers only through this `.server` module, so the client build (and
// Vite's dependency scan) never follows them into the database code.
export { problemOf, rethrowAsResponse } from "@hearth/ui/server";

/** This app's half of the shared routes and session helpers. */
export const routes = sharedRoutes("resident");

export const requireResidentUser = (request: Request) => requireUser("resident", request);

export const messenger = messengerRoutes("resident");

/** The API as this request's user sees it, in this app. */
export const callAppApi = (request: Request) => callApi("resident", request);
