import type { RouterOutputs } from "@hearth/api";
import { Link, useLoaderData } from "@remix-run/react";
import { type FormEvent, useState } from "react";
import { Alert, Button } from "../components/form";
import { PageHeader } from "../components/shell";
import { trpc } from "../trpc";
import { ReplyToForm } from "./reply-to-form";
import { type SaveFailure, saveFailureOf } from "./save-failure";
import { SettingInput, type SettingValue } from "./setting-input";
import { TeamPermissions } from "./team-permissions";

type Page = RouterOutputs["settings"]["organization"];
type Mode = Page["mode"]["value"];

export interface OrganizationSettingsLoaderData {
  settings: Page;
}

function initialValues(page: Page): Record<string, SettingValue> {
  return Object.fromEntries(page.fields.map((field) => [field.knob, field.value as SettingValue]));
}

/** What the last save said; kept by the page, as the form is drawn again after each save. */
type Outcome = { saved: true } | { saved: false; failure: SaveFailure } | null;

/** The organization's settings; drawn again (with the new version) after every save. */
function SettingsForm({
  page,
  outcome,
  onOutcome,
}: {
  page: Page;
  outcome: Outcome;
  onOutcome: (outcome: Outcome) => void;
}) {
  const utils = trpc.useUtils();
  const save = trpc.settings.save.useMutation({
    onSettled: () => utils.settings.organization.invalidate(),
  });
  const [values, setValues] = useState(() => initialValues(page));
  const [mode, setMode] = useState<Mode>(page.mode.value);
  const failure = outcome && !outcome.saved ? outcome.failure : null;
  const canChange = page.canChange.allowed;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onOutcome(null);
    const choices = Object.fromEntries(
      page.fields.filter((f) => !f.fixedByOperator).map((f) => [f.knob, values[f.knob]]),
    );
    save
      .mutateAsync({
        settingsVersion: page.settingsVersion,
        choices,
        ...(page.mode.editable && !page.mode.fixedByOperator ? { mode } : {}),
      })
      .then(
        () => onOutcome({ saved: true }),
        (error: unknown) => onOutcome({ saved: false, failure: saveFailureOf(error) }),
      );
  };
  const nothingToChange = page.fields.length === 0 && !page.mode.editable;
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Organization settings">
      {outcome?.saved ? (
        <Alert tone="info">Settings saved. They apply from the next page anyone opens.</Alert>
      ) : null}
      {failure ? <Alert>{failure.message}</Alert> : null}
      {canChange ? null : <Alert tone="info">{page.canChange.reason}</Alert>}
      {nothingToChange ? (
        <p className="text-sm text-slate-600">
          In the {page.profileName} plan these rules are set for every customer; there is nothing
          here for you to change.
        </p>
      ) : null}
      {page.mode.editable ? (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">Account mode</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
            {(Object.keys(page.mode.optionLabels) as Mode[]).map((option) => (
              <label key={option} className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name="mode"
                  value={option}
                  checked={mode === option}
                  disabled={!canChange || page.mode.fixedByOperator}
                  aria-describedby={page.mode.fixedByOperator ? "mode-fixed" : undefined}
                  onChange={() => setMode(option)}
                />
                {page.mode.optionLabels[option]}
              </label>
            ))}
          </div>
          {page.mode.fixedByOperator ? (
            <p id="mode-fixed" className="text-xs text-slate-500">
              Fixed by the platform operator for your organization:{" "}
              {page.mode.optionLabels[page.mode.value]}.
            </p>
          ) : null}
          {failure?.fieldErrors.mode ? (
            <p className="text-sm text-red-600">{failure.fieldErrors.mode.join(" ")}</p>
          ) : null}
        </fieldset>
      ) : null}
      {page.fields.map((field) => (
        <SettingInput
          key={field.knob}
          field={field}
          value={values[field.knob] ?? (field.value as SettingValue)}
          onChange={(value) => setValues({ ...values, [field.knob]: value })}
          disabled={!canChange}
          errors={failure?.fieldErrors[field.knob]}
        />
      ))}
      {canChange && !nothingToChange ? (
        <Button type="submit" disabled={save.isPending}>
          Save settings
        </Button>
      ) : null}
    </form>
  );
}

/**
 * The customer's own Settings page: who may start conversations, read receipts, member-to-member
 * messages, the account mode (where the plan has them), and what each team member may do.
 */
export function OrganizationSettingsPage() {
  const initial = useLoaderData<OrganizationSettingsLoaderData>();
  const page =
    trpc.settings.organization.useQuery(undefined, { initialData: initial.settings }).data ??
    initial.settings;
  const [outcome, setOutcome] = useState<Outcome>(null);
  return (
    <div className="mx-auto w-full max-w-3xl space-y-6 p-4 md:p-6">
      <PageHeader
        title="Settings"
        description={`How messaging works at ${page.organizationName}. Changes apply from the next page anyone opens.`}
      />
      <section
        aria-labelledby="messaging-rules"
        className="rounded-xl border border-slate-200 bg-white p-4"
      >
        <h2 id="messaging-rules" className="mb-3 font-semibold text-slate-900">
          Messaging
        </h2>
        <SettingsForm
          key={page.settingsVersion}
          page={page}
          outcome={outcome}
          onOutcome={setOutcome}
        />
      </section>
      <section
        aria-labelledby="email-replies"
        className="rounded-xl border border-slate-200 bg-white p-4"
      >
        <h2 id="email-replies" className="mb-3 font-semibold text-slate-900">
          Email
        </h2>
        <ReplyToForm page={page} />
      </section>
      {page.maintenanceOptOut.allowed ? (
        <section
          aria-labelledby="maintenance-opt-out"
          className="rounded-xl border border-slate-200 bg-white p-4"
        >
          <h2 id="maintenance-opt-out" className="mb-1 font-semibold text-slate-900">
            Maintenance Settings
          </h2>
          <p className="text-sm text-slate-600">
            Each manager chooses whether the requests submitted to them open a thread.{" "}
            <Link className="font-medium text-brand-700 underline" to="/maintenance">
              Your Maintenance Settings
            </Link>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="team" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="team" className="mb-3 font-semibold text-slate-900">
          Team permissions
        </h2>
        <TeamPermissions page={page} />
      </section>
    </div>
  );
}
