import { NewConversationPage } from "@hearth/ui";
import type { MetaFunction } from "@remix-run/node";
import { messenger } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "New message · Hearth" }];
export const loader = messenger.newLoader;

export default function NewMessage() {
  return <NewConversationPage basePath="/messages" />;
}
