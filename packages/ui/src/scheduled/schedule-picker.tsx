import { deliveryLabel, fromLocalInput } from "./schedule-time";

/**
 * The composer's "send later" control: a date and time in the viewer's time zone, with what
 * that is in the organization's time zone beside it.
 */
export function SchedulePicker({
  value,
  onChange,
  organizationTimeZone,
  onClose,
}: {
  value: string;
  onChange: (value: string) => void;
  organizationTimeZone: string;
  onClose: () => void;
}) {
  const at = fromLocalInput(value);
  return (
    <div className="mb-2 flex flex-wrap items-center gap-2 rounded-lg bg-brand-50 px-2 py-1.5 text-xs text-slate-700">
      <label className="flex items-center gap-1">
        Send at
        <input
          type="datetime-local"
          name="sendAt"
          value={value}
          // No min: a minute-rounded bound would block a time seconds ahead, and the API
          // refuses a time in the past with its reason anyway.
          step={1}
          onChange={(event) => onChange(event.target.value)}
          className="rounded border border-slate-300 px-1 py-0.5"
        />
      </label>
      <span aria-live="polite" data-testid="schedule-summary">
        {at ? deliveryLabel(at, organizationTimeZone) : "Choose a date and time"}
      </span>
      <button
        type="button"
        onClick={onClose}
        className="ml-auto rounded px-1.5 py-0.5 text-slate-600 hover:bg-white"
      >
        Send now instead
      </button>
    </div>
  );
}
