import { InvitePage } from "@hearth/ui";
import type { MetaFunction } from "@remix-run/node";
import { routes } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Accept invitation · Hearth" }];
export const loader = routes.inviteLoader;
export const action = routes.inviteAction;

export default InvitePage;
