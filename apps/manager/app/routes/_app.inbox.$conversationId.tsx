import { ThreadView } from "@hearth/ui";
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { messenger } from "~/shared.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.conversation.displayTitle ?? "Conversation"} · Hearth` },
];
export const loader = messenger.threadLoader;
export const action = messenger.threadAction;

export default function Conversation() {
  const { conversation, firstPage, clientId } = useLoaderData<typeof loader>();
  return (
    <ThreadView
      key={conversation.id}
      conversation={conversation}
      firstPage={firstPage}
      backTo="/inbox"
      nextClientId={clientId}
    />
  );
}
