import { redirect } from "@remix-run/node";
import { routes } from "~/shared.server";

export const loader = () => redirect("/");
export const action = routes.logoutAction;
