import { NotificationSettingsPage } from "@hearth/ui";
import type { MetaFunction } from "@remix-run/node";
import { notifications } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Notification settings · Hearth" }];
export const loader = notifications.settingsLoader;

export default NotificationSettingsPage;
