import type { RouterOutputs } from "@hearth/api";
import { useState } from "react";
import { sendFailureOf } from "../messenger/send-failure";
import { trpc } from "../trpc";

type TeamState = NonNullable<RouterOutputs["conversations"]["get"]["team"]>;

/**
 * The team's controls for a conversation: who handles it (assign, reassign, take it), and
 * closing it as handled or reopening it. Shown to managers who share the team inbox.
 */
export function TeamBar({
  conversationId,
  team,
  viewerId,
}: {
  conversationId: string;
  team: TeamState;
  viewerId: string;
}) {
  const utils = trpc.useUtils();
  const [error, setError] = useState<string | null>(null);
  const assignees = trpc.team.assignees.useQuery(undefined, { staleTime: 60_000 });
  const after = {
    onSuccess: () => {
      setError(null);
      return Promise.all([
        utils.conversations.get.invalidate({ id: conversationId }),
        utils.conversations.list.invalidate(),
      ]);
    },
    onError: (failure: unknown) => setError(sendFailureOf(failure).reason),
  };
  const assign = trpc.team.assign.useMutation(after);
  const setClosed = trpc.team.setClosed.useMutation(after);
  const busy = assign.isPending || setClosed.isPending;
  const options = assignees.data ?? [];
  // The current assignee stays choosable even if they could no longer take new assignments.
  const listed =
    team.assigneeId && !options.some((o) => o.id === team.assigneeId)
      ? [...options, { id: team.assigneeId, name: team.assigneeName ?? "Someone" }]
      : options;

  return (
    <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-slate-200 bg-slate-50 px-4 py-2 text-sm">
      <legend className="sr-only">Team</legend>
      <label className="flex items-center gap-2 text-slate-700">
        Assigned to
        <select
          value={team.assigneeId ?? ""}
          disabled={busy}
          onChange={(event) =>
            assign.mutate({ id: conversationId, assigneeId: event.target.value || null })
          }
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
        >
          <option value="">Nobody</option>
          {listed.map((person) => (
            <option key={person.id} value={person.id}>
              {person.id === viewerId ? `${person.name} (you)` : person.name}
            </option>
          ))}
        </select>
      </label>
      {team.assigneeId !== viewerId ? (
        <button
          type="button"
          disabled={busy}
          onClick={() => assign.mutate({ id: conversationId, assigneeId: viewerId })}
          className="rounded-lg px-2 py-1 text-brand-700 ring-1 ring-brand-200 hover:bg-brand-50"
        >
          Assign to me
        </button>
      ) : null}
      <button
        type="button"
        disabled={busy}
        onClick={() => setClosed.mutate({ id: conversationId, closed: team.closedAt === null })}
        className="rounded-lg px-2 py-1 text-slate-700 ring-1 ring-slate-300 hover:bg-white"
      >
        {team.closedAt === null ? "Close" : "Reopen"}
      </button>
      {team.closedAt !== null ? (
        <span className="text-slate-600">
          Closed{team.closedByName ? ` by ${team.closedByName}` : ""}. A new message reopens it.
        </span>
      ) : null}
      {error ? (
        <p role="alert" className="w-full text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
