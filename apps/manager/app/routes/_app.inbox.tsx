import { ConversationList, MessengerLayout } from "@hearth/ui";
import type { MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData, useLocation, useParams } from "@remix-run/react";
import { messenger } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Messages · Hearth" }];
export const loader = messenger.listLoader;

export default function Messages() {
  const { list, timeZone, isManager } = useLoaderData<typeof loader>();
  const { conversationId } = useParams();
  const { pathname } = useLocation();
  const open = Boolean(conversationId) || pathname.endsWith("/new");
  return (
    <MessengerLayout
      open={open}
      list={
        <ConversationList
          initial={list}
          basePath="/inbox"
          activeId={conversationId}
          timeZone={timeZone}
          showChannels={isManager}
          newLabel="New message"
        />
      }
    >
      <Outlet />
    </MessengerLayout>
  );
}
