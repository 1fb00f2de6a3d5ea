import { NewConversation } from "@hearth/ui";
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { messenger } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "New message · Hearth" }];
export const loader = messenger.newLoader;

export default function NewMessage() {
  const { clientId } = useLoaderData<typeof loader>();
  return <NewConversation basePath="/inbox" firstClientId={clientId} />;
}
