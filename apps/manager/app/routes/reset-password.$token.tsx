import { ResetPasswordPage } from "@hearth/ui";
import type { MetaFunction } from "@remix-run/node";
import { passwordReset } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Choose a new password · Hearth for managers" }];
export const loader = passwordReset.resetLoader;
export const action = passwordReset.resetAction;

export default ResetPasswordPage;
