import {
  accountRoutes,
  boardRoutes,
  callApi,
  messengerRoutes,
  notificationRoutes,
  passwordResetRoutes,
  requireUser,
  searchRoutes,
  sharedRoutes,
} from "@hearth/ui/server";

// Routes import server helpers only through this `.server` module, so the client build (and
// Vite's dependency scan) never follows them into the database code.
export { problemOf, rethrowAsResponse } from "@hearth/ui/server";

/** This app's half of the shared routes and session helpers. */
export const routes = sharedRoutes("manager");

export const requireManagerUser = (request: Request) => requireUser("manager", request);

export const messenger = messengerRoutes("manager");

export const search = searchRoutes("manager");

/** Notification settings and the unsubscribe link's page. */
export const notifications = notificationRoutes("manager");

/** The Property Message Board: its list, a post, and their forms. */
export const board = boardRoutes("manager");

/** The API as this request's user sees it, in this app. */
export const callAppApi = (request: Request) => callApi("manager", request);

/** The account page: name, password (and two-factor sign-in for managers and operators). */
export const account = accountRoutes("manager");

/** "Forgot password?" and the reset link's page. */
export const passwordReset = passwordResetRoutes("manager");
