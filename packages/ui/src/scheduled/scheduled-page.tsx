import { useLoaderData } from "@remix-run/react";
import { PageHeader } from "../components/shell";
import { type ScheduledBroadcast, ScheduledBroadcastList } from "./scheduled-broadcasts";
import type { ScheduledMessage } from "./scheduled-item";
import { ScheduledList } from "./scheduled-list";

export interface ScheduledLoaderData {
  scheduled: ScheduledMessage[];
  /** The viewer's scheduled broadcasts (managers). */
  broadcasts?: ScheduledBroadcast[];
  timeZone: string;
}

/** The "Scheduled" view: every message the viewer scheduled that has not gone yet. */
export function ScheduledPage({ threadPath }: { threadPath: string }) {
  const { scheduled, broadcasts, timeZone } = useLoaderData<ScheduledLoaderData>();
  return (
    <div className="mx-auto w-full max-w-3xl p-4 md:p-6">
      <PageHeader title="Scheduled" />
      <p className="mb-4 text-sm text-slate-600">
        Messages and broadcasts you scheduled, soonest first. Each goes at its time; until then you
        can edit or cancel it.
      </p>
      <ScheduledList
        organizationTimeZone={timeZone}
        initial={scheduled}
        threadPath={(id) => `${threadPath}/${id}`}
        emptyText="No messages scheduled. In a conversation, choose Schedule… beside Send."
      />
      {broadcasts ? (
        <ScheduledBroadcastList organizationTimeZone={timeZone} initial={broadcasts} />
      ) : null}
    </div>
  );
}
