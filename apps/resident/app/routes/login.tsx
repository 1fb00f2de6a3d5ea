import { LoginPage } from "@hearth/ui";
import type { MetaFunction } from "@remix-run/node";
import { routes } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Hearth resident portal" }];
export const loader = routes.loginLoader;
export const action = routes.loginAction;

export default function Login() {
  return (
    <LoginPage
      appName="your resident portal"
      audience="For everyone invited by their property manager, landlord or workspace."
    />
  );
}
