import { Form, useNavigation } from "@remix-run/react";
import { Button } from "../components/form";
import type { AccountActionResult } from "./action-result";
import { AccountSection, FormOutcome } from "./profile-forms";

const selectStyle =
  "block w-full rounded-lg border border-slate-300 px-3 py-2 text-slate-900 shadow-sm outline-none focus:ring-2 focus:ring-brand-500";

/** "America/New_York" as people read it: "America / New York". */
function zoneLabel(zone: string): string {
  return zone.replaceAll("_", " ").replaceAll("/", " / ");
}

/**
 * Which time zone dates and times show in: the device's (the default, which follows a laptop
 * across the world) or one the person picks. The list comes from the server, so the page
 * hydrates with the same options it was rendered with.
 */
export function TimeZoneForm({
  timeZone,
  timeZones,
  organizationTimeZone,
  result,
}: {
  timeZone: string | null;
  timeZones: readonly string[];
  organizationTimeZone: string | null;
  result: AccountActionResult | null;
}) {
  const navigation = useNavigation();
  const busy =
    navigation.state === "submitting" && navigation.formData?.get("intent") === "time-zone";
  const errors = result?.ok ? undefined : result?.fieldErrors.timeZone;
  return (
    <AccountSection
      id="time-zone-heading"
      title="Time zone"
      description="Dates and times show in this zone, and quiet hours count in it."
    >
      <Form method="post" className="space-y-3" noValidate>
        <input type="hidden" name="intent" value="time-zone" />
        <FormOutcome result={result} />
        <div className="space-y-1">
          <label htmlFor="field-timeZone" className="block text-sm font-medium text-slate-700">
            Time zone
          </label>
          <select
            id="field-timeZone"
            name="timeZone"
            defaultValue={timeZone ?? ""}
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? "field-timeZone-error" : "field-timeZone-hint"}
            className={selectStyle}
          >
            <option value="">The time zone of the device I'm using</option>
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zoneLabel(zone)}
                {zone === organizationTimeZone ? " (your organization's)" : ""}
              </option>
            ))}
          </select>
          {errors ? (
            <p id="field-timeZone-error" className="text-sm text-red-600">
              {errors.join(" ")}
            </p>
          ) : (
            <p id="field-timeZone-hint" className="text-xs text-slate-500">
              Schedules and business hours keep the organization's time zone
              {organizationTimeZone ? ` (${zoneLabel(organizationTimeZone)})` : ""}.
            </p>
          )}
        </div>
        <Button disabled={busy}>{busy ? "Saving…" : "Save time zone"}</Button>
      </Form>
    </AccountSection>
  );
}
