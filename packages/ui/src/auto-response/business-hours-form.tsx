import type { RouterOutputs } from "@hearth/api";
import { type FormEvent, useState } from "react";
import { Alert, Button, Field } from "../components/form";
import { sendFailureOf } from "../messenger/send-failure";
import { trpc } from "../trpc";

type Organization = RouterOutputs["autoResponses"]["get"]["organization"];

const dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** The organization's time zone, weekly hours and holidays (the account owner's to change). */
export function BusinessHoursForm({ initial }: { initial: Organization }) {
  const utils = trpc.useUtils();
  const save = trpc.autoResponses.saveBusinessHours.useMutation({
    onSuccess: () => utils.autoResponses.get.invalidate(),
  });
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [days, setDays] = useState<number[]>(initial.hours?.days ?? [1, 2, 3, 4, 5]);
  const [opens, setOpens] = useState(initial.hours?.opens ?? "09:00");
  const [closes, setCloses] = useState(initial.hours?.closes ?? "18:00");
  const [holidays, setHolidays] = useState(initial.holidays.join(", "));
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save
      .mutateAsync({
        timeZone,
        hours: { days, opens, closes },
        holidays: holidays
          .split(/[\s,]+/)
          .map((day) => day.trim())
          .filter(Boolean),
      })
      .then(
        () => setMessage({ tone: "info", text: "Business hours saved." }),
        (e: unknown) => setMessage({ tone: "error", text: sendFailureOf(e).reason }),
      );
  };
  return (
    <form onSubmit={submit} className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field
        label="Time zone"
        name="timeZone"
        value={timeZone}
        onChange={(e) => setTimeZone(e.target.value)}
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Open on</legend>
        <div className="mt-1 flex flex-wrap gap-3 text-sm">
          {dayNames.map((name, day) => (
            <label key={name} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={days.includes(day)}
                onChange={(e) =>
                  setDays(e.target.checked ? [...days, day].sort() : days.filter((d) => d !== day))
                }
              />
              {name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-4">
        <Field
          label="Opens"
          name="opens"
          type="time"
          value={opens}
          onChange={(e) => setOpens(e.target.value)}
        />
        <Field
          label="Closes"
          name="closes"
          type="time"
          value={closes}
          onChange={(e) => setCloses(e.target.value)}
        />
      </div>
      <Field
        label="Holidays"
        name="holidays"
        hint="Dates closed all day, like 2026-12-25, separated by commas."
        value={holidays}
        onChange={(e) => setHolidays(e.target.value)}
      />
      <Button type="submit">Save business hours</Button>
    </form>
  );
}
