import { AccountPage } from "@hearth/ui";
import type { MetaFunction } from "@remix-run/node";
import { account } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "My account · Hearth" }];
export const loader = account.loader;
export const action = account.action;

export default AccountPage;
