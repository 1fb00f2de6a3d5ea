import { useState } from "react";
import { deliveryLabel, fromLocalInput } from "./schedule-time";

/**
 * "Send later" in the broadcast composer: a date and time in the sender's own time zone, with
 * what that is in the organization's beside it. The form posts the instant as `sendAt` (ISO),
 * so the server never guesses the sender's zone.
 */
export function BroadcastScheduleField({
  organizationTimeZone,
  errors,
}: {
  organizationTimeZone: string;
  errors?: readonly string[] | undefined;
}) {
  const [value, setValue] = useState("");
  const at = fromLocalInput(value);
  const invalid = Boolean(errors?.length);
  return (
    <div className="space-y-1">
      <label htmlFor="field-sendAtLocal" className="block text-sm font-medium text-slate-700">
        Send at (optional)
      </label>
      <input
        id="field-sendAtLocal"
        type="datetime-local"
        step={1}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby="sendAt-summary"
        className="block rounded-lg border border-slate-300 px-3 py-2 text-sm"
      />
      <input type="hidden" name="sendAt" value={at ? at.toISOString() : ""} />
      <p id="sendAt-summary" aria-live="polite" className="text-xs text-slate-500">
        {at
          ? `Goes ${deliveryLabel(at, organizationTimeZone)}.`
          : "Leave empty to send now, or choose when it goes and press Schedule broadcast."}
      </p>
      {invalid ? <p className="text-sm text-red-600">{errors?.join(" ")}</p> : null}
    </div>
  );
}
