import { ResetPasswordPage } from "@hearth/ui";
import type { MetaFunction } from "@remix-run/node";
import { passwordReset } from "~/shared.server";

export const meta: MetaFunction = () => [
  { title: "Choose a new password · Hearth resident portal" },
];
export const loader = passwordReset.resetLoader;
export const action = passwordReset.resetAction;

export default ResetPasswordPage;
