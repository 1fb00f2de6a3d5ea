import { ForgotPasswordPage } from "@hearth/ui";
import type { MetaFunction } from "@remix-run/node";
import { passwordReset } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Forgot password · Hearth for managers" }];
export const action = passwordReset.forgotAction;

export default ForgotPasswordPage;
