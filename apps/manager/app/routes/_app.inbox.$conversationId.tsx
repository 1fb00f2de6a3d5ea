import { ConversationPage } from "@hearth/ui";
import type { MetaFunction } from "@remix-run/node";
import { messenger } from "~/shared.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.conversation.displayTitle ?? "Conversation"} · Hearth` },
];
export const loader = messenger.threadLoader;
export const action = messenger.threadAction;

export default function Conversation() {
  return <ConversationPage basePath="/inbox" />;
}
