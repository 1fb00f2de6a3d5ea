import { trpc } from "../trpc";
import { ScheduledItem, type ScheduledMessage } from "./scheduled-item";

/**
 * The viewer's scheduled messages, in one conversation or (without `conversationId`) in all,
 * each editable and cancellable until it goes. Nothing is drawn when there are none in a thread.
 */
export function ScheduledList({
  conversationId,
  organizationTimeZone,
  threadPath,
  initial,
  emptyText,
}: {
  conversationId?: string | undefined;
  organizationTimeZone: string;
  /** The Scheduled view links each message to its conversation. */
  threadPath?: (conversationId: string) => string;
  initial?: ScheduledMessage[];
  emptyText?: string;
}) {
  const utils = trpc.useUtils();
  const input = conversationId ? { conversationId } : {};
  const list = trpc.scheduled.list.useQuery(input, {
    ...(initial ? { initialData: initial } : {}),
    refetchInterval: 30_000,
  });
  const refresh = () =>
    Promise.all([utils.scheduled.list.invalidate(), utils.conversations.messages.invalidate()]);
  const update = trpc.scheduled.update.useMutation({ onSuccess: refresh });
  const cancel = trpc.scheduled.cancel.useMutation({ onSuccess: refresh });
  const items = list.data ?? [];
  if (items.length === 0)
    return emptyText ? <p className="text-sm text-slate-600">{emptyText}</p> : null;
  return (
    <section aria-label="Scheduled messages">
      <ul className="space-y-2">
        {items.map((message) => (
          <ScheduledItem
            key={message.id}
            message={message}
            organizationTimeZone={organizationTimeZone}
            threadPath={threadPath?.(message.conversationId)}
            onSave={(change) => update.mutateAsync({ messageId: message.id, ...change })}
            onCancel={() => cancel.mutateAsync({ messageId: message.id })}
          />
        ))}
      </ul>
    </section>
  );
}
