import { useState } from "react";
import { deliveryLabel, fromLocalInput } from "../scheduled/schedule-time";

function LocalTimeField({
  name,
  label,
  hint,
  organizationTimeZone,
  errors,
}: {
  name: "pinUntil" | "expiresAt";
  label: string;
  hint: string;
  organizationTimeZone: string;
  errors?: readonly string[] | undefined;
}) {
  const [value, setValue] = useState("");
  const at = fromLocalInput(value);
  const invalid = Boolean(errors?.length);
  return (
    <div className="space-y-1">
      <label htmlFor={`field-${name}Local`} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={`field-${name}Local`}
        type="datetime-local"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={`${name}-summary`}
        className="block rounded-lg border border-slate-300 px-3 py-2 text-sm"
      />
      <input type="hidden" name={name} value={at ? at.toISOString() : ""} />
      <p id={`${name}-summary`} aria-live="polite" className="text-xs text-slate-500">
        {at ? `Until ${deliveryLabel(at, organizationTimeZone)}.` : hint}
      </p>
      {invalid ? <p className="text-sm text-red-600">{errors?.join(" ")}</p> : null}
    </div>
  );
}

/**
 * "Pin to the top of the inbox until" and "Expires on" for an announcement sent now, in the
 * sender's own time zone; the form posts each instant as ISO (`pinUntil`, `expiresAt`).
 */
export function AnnouncementPinFields({
  organizationTimeZone,
  errors,
}: {
  organizationTimeZone: string;
  errors: { pinUntil?: readonly string[] | undefined; expiresAt?: readonly string[] | undefined };
}) {
  return (
    <div className="space-y-3">
      <LocalTimeField
        name="pinUntil"
        label="Pin to the top of the inbox until (optional)"
        hint="Leave empty not to pin it."
        organizationTimeZone={organizationTimeZone}
        errors={errors.pinUntil}
      />
      <LocalTimeField
        name="expiresAt"
        label="Expires on (optional)"
        hint="Leave empty to keep it in inboxes."
        organizationTimeZone={organizationTimeZone}
        errors={errors.expiresAt}
      />
    </div>
  );
}
