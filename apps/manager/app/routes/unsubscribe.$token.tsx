import { UnsubscribePage } from "@hearth/ui";
import type { MetaFunction } from "@remix-run/node";
import { notifications } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Unsubscribe · Hearth" }];
export const loader = notifications.unsubscribeLoader;
export const action = notifications.unsubscribeAction;

export default UnsubscribePage;
