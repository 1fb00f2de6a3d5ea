import { messengerRoutes, requireUser, sharedRoutes } from "@hearth/ui/server";

/** This app's half of the shared routes and session helpers. */
export const routes = sharedRoutes("resident");

export const requireResidentUser = (request: Request) => requireUser("resident", request);

export const messenger = messengerRoutes("resident");
