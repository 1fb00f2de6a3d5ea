import type { RouterOutputs } from "@hearth/api";
import { type FormEvent, useState } from "react";
import { Alert, Button } from "../components/form";
import { sendFailureOf } from "../messenger/send-failure";
import { fromLocalInput, localInputValue } from "../scheduled/schedule-time";
import { trpc } from "../trpc";

type Settings = RouterOutputs["autoResponses"]["get"]["settings"];

const box = "mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm";

/** One's after-hours reply and vacation reply with its start and end (in one's own time). */
export function AutoResponseForm({ initial }: { initial: Settings }) {
  const utils = trpc.useUtils();
  const save = trpc.autoResponses.save.useMutation({
    onSuccess: () => utils.autoResponses.get.invalidate(),
  });
  const [enabled, setEnabled] = useState(initial.afterHours.enabled);
  const [afterHours, setAfterHours] = useState(initial.afterHours.body);
  const at = (date: Date | null) => (date ? localInputValue(new Date(date)) : "");
  const [startsAt, setStartsAt] = useState(at(initial.vacation.startsAt));
  const [endsAt, setEndsAt] = useState(at(initial.vacation.endsAt));
  const [vacation, setVacation] = useState(initial.vacation.body);
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save
      .mutateAsync({
        afterHours: { enabled, body: afterHours },
        vacation: {
          startsAt: startsAt ? fromLocalInput(startsAt) : null,
          endsAt: endsAt ? fromLocalInput(endsAt) : null,
          body: vacation,
        },
      })
      .then(
        () => setMessage({ tone: "info", text: "Auto-responses saved." }),
        (e: unknown) => setMessage({ tone: "error", text: sendFailureOf(e).reason }),
      );
  };
  return (
    <form onSubmit={submit} className="space-y-4">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <fieldset className="space-y-2">
        <legend className="font-semibold text-slate-900">After hours</legend>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          Reply automatically outside business hours (once per conversation each evening, weekend or
          holiday)
        </label>
        <label className="block text-sm font-medium text-slate-700">
          After-hours reply
          <textarea
            value={afterHours}
            rows={3}
            maxLength={2_000}
            onChange={(e) => setAfterHours(e.target.value)}
            className={box}
          />
        </label>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="font-semibold text-slate-900">Vacation</legend>
        <div className="flex flex-wrap gap-4 text-sm text-slate-700">
          <label>
            From
            <input
              type="datetime-local"
              value={startsAt}
              onChange={(e) => setStartsAt(e.target.value)}
              className="mt-1 block rounded-lg border border-slate-300 px-2 py-1.5"
            />
          </label>
          <label>
            Until
            <input
              type="datetime-local"
              value={endsAt}
              onChange={(e) => setEndsAt(e.target.value)}
              className="mt-1 block rounded-lg border border-slate-300 px-2 py-1.5"
            />
          </label>
        </div>
        <label className="block text-sm font-medium text-slate-700">
          Vacation reply
          <textarea
            value={vacation}
            rows={3}
            maxLength={2_000}
            onChange={(e) => setVacation(e.target.value)}
            className={box}
          />
        </label>
      </fieldset>
      <Button type="submit">Save auto-responses</Button>
    </form>
  );
}
