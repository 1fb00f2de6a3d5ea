import { LoginPage } from "@hearth/ui";
import type { MetaFunction } from "@remix-run/node";
import { routes } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Hearth for managers" }];
export const loader = routes.loginLoader;
export const action = routes.loginAction;

export default function Login() {
  return (
    <LoginPage
      appName="Hearth for managers"
      audience="For property managers, their team and platform operators."
    />
  );
}
