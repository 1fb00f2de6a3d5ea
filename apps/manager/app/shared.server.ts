import { messengerRoutes, requireUser, sharedRoutes } from "@hearth/ui/server";

/** This app's half of the shared routes and session helpers. */
export const routes = sharedRoutes("manager");

export const requireManagerUser = (request: Request) => requireUser("manager", request);

export const messenger = messengerRoutes("manager");
