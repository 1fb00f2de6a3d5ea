import { trpc } from "../trpc";

/**
 * Keeps every open view current: on each live event for the signed-in user, the affected queries
 * (inbox, that thread, the unread badge) refetch. When the stream is established it says "ready",
 * and everything refetches, so nothing sent while it was connecting is missed; a reconnect first
 * replays the events it missed.
 * Mounted once in the signed-in layout.
 */
export function LiveUpdates() {
  const utils = trpc.useUtils();
  trpc.live.events.useSubscription(
    {},
    {
      onData: ({ data }) => {
        if (data.type === "ready") {
          // A resumed stream has delivered what was missed; a new one refetches everything.
          if (!data.caughtUp) void utils.conversations.invalidate();
          return;
        }
        void utils.conversations.list.invalidate();
        void utils.conversations.unreadTotal.invalidate();
        void utils.conversations.messages.invalidate({ id: data.conversationId });
        void utils.conversations.get.invalidate({ id: data.conversationId });
      },
    },
  );
  return null;
}
