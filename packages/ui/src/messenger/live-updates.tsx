import { useEffect } from "react";
import { reportLiveConnected } from "../connection/connection-status";
import { recordPresence } from "../team/presence-store";
import { trpc } from "../trpc";

/**
 * Keeps every open view current: on each live event for the signed-in user, the affected queries
 * (inbox, that thread, the unread badge) refetch. When the stream is established it says "ready",
 * and everything refetches, so nothing sent while it was connecting is missed; a reconnect first
 * replays the events it missed.
 * What the user may do (capabilities, the open thread's composer) is fetched again on every
 * "ready", since a lease may have ended or the operator switched profiles while the stream was
 * down; a refused send refetches it too (thread-view), and so does the window regaining focus.
 * Mounted once in the signed-in layout.
 */
export function LiveUpdates() {
  const utils = trpc.useUtils();
  const stream = trpc.live.events.useSubscription(
    {},
    {
      onData: ({ data }) => {
        if (data.type === "ready") {
          void utils.policy.capabilities.invalidate();
          // A resumed stream has delivered what was missed; a new one refetches everything.
          if (!data.caughtUp) void utils.conversations.invalidate();
          else void utils.conversations.get.invalidate();
          return;
        }
        if (data.type === "presence") {
          recordPresence(data.conversationId, data);
          return;
        }
        if (data.type === "announcement") {
          void utils.conversations.list.invalidate();
          void utils.conversations.pinned.invalidate();
          void utils.conversations.get.invalidate({ id: data.conversationId });
          return;
        }
        if (data.type === "team") {
          void utils.conversations.list.invalidate();
          void utils.conversations.get.invalidate({ id: data.conversationId });
          void utils.notifications.feed.invalidate();
          if (data.change === "note") void utils.team.notes.invalidate({ id: data.conversationId });
          return;
        }
        void utils.conversations.list.invalidate();
        void utils.conversations.unreadTotal.invalidate();
        void utils.notifications.feed.invalidate();
        void utils.conversations.messages.invalidate({ id: data.conversationId });
        void utils.conversations.get.invalidate({ id: data.conversationId });
      },
    },
  );
  const connected = stream.status === "pending";
  useEffect(() => reportLiveConnected(connected), [connected]);
  return null;
}
