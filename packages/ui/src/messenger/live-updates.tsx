import { useQueryClient } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";
import { trpc } from "../trpc";

/**
 * Keeps every open view current: on each live event for the signed-in user, the affected queries
 * (inbox, that thread, the unread badge) refetch. Mounted once in the signed-in layout.
 */
export function LiveUpdates() {
  const queryClient = useQueryClient();
  trpc.live.events.useSubscription(
    {},
    {
      onData: ({ data }) => {
        void queryClient.invalidateQueries({ queryKey: getQueryKey(trpc.conversations.list) });
        void queryClient.invalidateQueries({
          queryKey: getQueryKey(trpc.conversations.unreadTotal),
        });
        void queryClient.invalidateQueries({
          queryKey: getQueryKey(trpc.conversations.messages, { id: data.conversationId }, "any"),
        });
        void queryClient.invalidateQueries({
          queryKey: getQueryKey(trpc.conversations.get, { id: data.conversationId }),
        });
      },
    },
  );
  return null;
}
