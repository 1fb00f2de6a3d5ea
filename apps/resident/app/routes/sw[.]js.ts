import { routes } from "~/shared.server";

export const loader = routes.serviceWorker;
