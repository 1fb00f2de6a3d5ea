import { MessengerPage } from "@hearth/ui";
import type { MetaFunction } from "@remix-run/node";
import { messenger } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Messages · Hearth" }];
export const loader = messenger.listLoader;

export default function Messages() {
  return <MessengerPage basePath="/messages" />;
}
