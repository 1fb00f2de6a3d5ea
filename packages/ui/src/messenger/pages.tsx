import { Outlet, useLoaderData, useLocation, useParams } from "@remix-run/react";
import type { messengerRoutes } from "../server/messenger-routes";
import { ConversationList } from "./conversation-list";
import { MessengerLayout } from "./layout";
import { NewConversation } from "./new-conversation";
import { ThreadSkeleton } from "./thread-skeleton";
import { ThreadView } from "./thread-view";
import { useOpeningConversation } from "./use-opening-conversation";
import { usePolicy } from "./viewer";

type Routes = ReturnType<typeof messengerRoutes>;

/**
 * The messenger's route components, the same in both apps; each app's route files bind them to
 * its loaders and its base path ("/inbox" for managers, "/messages" for residents).
 */
export function MessengerPage({ basePath }: { basePath: string }) {
  const { list, timeZone, isManager } = useLoaderData<Routes["listLoader"]>();
  const { conversationId } = useParams();
  const { pathname } = useLocation();
  const opening = useOpeningConversation(basePath);
  return (
    <MessengerLayout
      open={opening || Boolean(conversationId) || pathname.endsWith("/new")}
      list={
        <ConversationList
          initial={list}
          basePath={basePath}
          activeId={conversationId}
          timeZone={timeZone}
          showChannels={isManager}
          newLabel="New message"
        />
      }
    >
      {opening ? <ThreadSkeleton /> : <Outlet />}
    </MessengerLayout>
  );
}

export function ConversationPage({ basePath }: { basePath: string }) {
  const { conversation, firstPage, clientId, openAt } = useLoaderData<Routes["threadLoader"]>();
  return (
    <ThreadView
      key={conversation.id}
      conversation={conversation}
      firstPage={firstPage}
      openAt={openAt}
      backTo={basePath}
      nextClientId={clientId}
    />
  );
}

export function NewConversationPage({ basePath }: { basePath: string }) {
  const { clientId } = useLoaderData<Routes["newLoader"]>();
  return <NewConversation basePath={basePath} firstClientId={clientId} />;
}

/** The empty pane: where to start, or, where the user can't start conversations, the policy's reason. */
export function NoConversationPage() {
  const { capabilities, vocabulary } = usePolicy();
  const compose = capabilities.compose;
  return (
    <div className="flex flex-1 items-center justify-center bg-slate-50 p-8 text-center">
      <div>
        <p className="font-medium text-slate-800">Choose a conversation</p>
        <p className="mt-1 text-sm text-slate-600">
          {compose?.allowed ? vocabulary.startHint : compose?.reason}
        </p>
      </div>
    </div>
  );
}
