import { routes } from "~/shared.server";

export const loader = routes.trpc;
export const action = routes.trpc;
