import type { RouterOutputs } from "@hearth/api";
import { trpc } from "../trpc";
import { ScheduledItem } from "./scheduled-item";

export type ScheduledBroadcast = RouterOutputs["broadcasts"]["scheduled"][number];

/** The viewer's broadcasts waiting for their time, each editable and cancellable until it goes. */
export function ScheduledBroadcastList({
  organizationTimeZone,
  initial,
}: {
  organizationTimeZone: string;
  initial?: ScheduledBroadcast[];
}) {
  const utils = trpc.useUtils();
  const list = trpc.broadcasts.scheduled.useQuery(undefined, {
    ...(initial ? { initialData: initial } : {}),
    refetchInterval: 30_000,
  });
  const refresh = () => utils.broadcasts.scheduled.invalidate();
  const update = trpc.broadcasts.updateScheduled.useMutation({ onSuccess: refresh });
  const cancel = trpc.broadcasts.cancelScheduled.useMutation({ onSuccess: refresh });
  const items = list.data ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="scheduled-broadcasts" className="mt-6">
      <h2 id="scheduled-broadcasts" className="mb-2 text-base font-semibold text-slate-900">
        Broadcasts
      </h2>
      <ul className="space-y-2">
        {items.map((broadcast) => (
          <ScheduledItem
            key={`${broadcast.id}:${String(broadcast.sendAt)}`}
            message={{ ...broadcast, scheduledFor: broadcast.sendAt }}
            label={`Broadcast to ${broadcast.to}`}
            organizationTimeZone={organizationTimeZone}
            onSave={(change) => update.mutateAsync({ id: broadcast.id, ...change })}
            onCancel={() => cancel.mutateAsync({ id: broadcast.id })}
          />
        ))}
      </ul>
    </section>
  );
}
