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
export const routes = sharedRoutes("resident");

export const requireResidentUser = (request: Request) => requireUser("resident", request);

export const messenger = messengerRoutes("resident");

export const search = searchRoutes("resident");

/** Notification settings and the unsubscribe link's page. */
export const notifications = notificationRoutes("resident");

/** The Property Message Board: its list, a post, and their forms. */
export const board = boardRoutes("resident");

/** The API as this request's user sees it, in this app. */
export const callAppApi = (request: Request) => callApi("resident", request);

/** The account page: name, password (and two-factor sign-in for managers and operators). */
export const account = accountRoutes("resident");

/** "Forgot password?" and the reset link's page. */
export const passwordReset = passwordResetRoutes("resident");
