import type { RouterOutputs } from "@hearth/api";
import { Alert, Button, PageHeader } from "@hearth/ui";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { bytesToMegabytes, megabytesToBytes } from "~/megabytes";
import { problemOf, requireManagerUser, rethrowAsResponse } from "~/shared.server";

type Organization = RouterOutputs["operator"]["organization"];
type KnobField = Organization["knobs"][number];
/** What the operator typed or ticked, to show again when the save is refused. */
type Submitted = string | boolean | string[];

interface ActionResult {
  intent: "profile" | "overrides" | "reset" | "mode";
  ok: boolean;
  message: string | null;
  fieldErrors: Record<string, string[] | undefined>;
  submitted: Record<string, Submitted> | null;
  /** The save was refused because the settings changed after the page was drawn. */
  stale: boolean;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.organization.name ?? "Organization"} · Hearth operator` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, headers } = await requireManagerUser(request);
  const id = params.organizationId ?? "";
  if (!uuid.test(id)) throw data({ message: "No such organization." }, { status: 404 });
  const [organization, profiles] = await Promise.all([
    api.operator.organization({ id }),
    api.operator.profiles(),
  ]).catch(rethrowAsResponse);
  return data({ organization, profiles }, { headers });
}

/** Two lists are the same setting when they hold the same items, in any order. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = (list: unknown[]) => list.map(String).sort().join("\n");
    return a.length === b.length && key(a) === key(b);
  }
  return a === b;
}

/** One knob's input read back from the form: the value to store, or why it is not a value. */
function readField(
  form: FormData,
  field: KnobField,
): { raw: Submitted; value?: unknown; error?: string } {
  const text = () => String(form.get(field.knob) ?? "");
  switch (field.kind) {
    case "boolean": {
      const on = form.get(field.knob) === "on";
      return { raw: on, value: on };
    }
    case "number": {
      const raw = text().trim();
      const value = Number(raw);
      if (raw === "" || !Number.isFinite(value)) return { raw, error: "Enter a number." };
      if (field.unit !== "bytes") return { raw, value };
      // Typed in MB (see KnobInput); stored in bytes.
      const bytes = megabytesToBytes(value);
      const max = field.max ?? Number.POSITIVE_INFINITY;
      if (bytes < (field.min ?? 1) || bytes > max)
        return {
          raw,
          error: `Enter a size above 0 MB${Number.isFinite(max) ? ` and up to ${bytesToMegabytes(max)} MB` : ""}.`,
        };
      return { raw, value: bytes };
    }
    case "list": {
      if (field.options) {
        const ticked = form.getAll(field.knob).map(String);
        // In the order the options are listed; anything unknown is passed on for the API to refuse.
        const value = [
          ...field.options.filter((option) => ticked.includes(option)),
          ...ticked.filter((item) => !field.options?.includes(item)),
        ];
        return { raw: ticked, value };
      }
      const raw = text();
      const value = raw
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter(Boolean);
      return { raw, value };
    }
    default:
      return { raw: text(), value: text() };
  }
}

/** API errors keyed by knob; an item of a list ("attachmentTypes.1") is named in the message. */
function errorsByKnob(
  fieldErrors: Record<string, string[] | undefined>,
  overrides: Record<string, unknown>,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const [knob = path, index] = path.split(".");
    const list = overrides[knob];
    const item = index !== undefined && Array.isArray(list) ? list[Number(index)] : undefined;
    const named = (messages ?? []).map((message) =>
      item === undefined ? message : `"${String(item)}": ${message}`,
    );
    result[knob] = [...(result[knob] ?? []), ...named];
  }
  return result;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, headers } = await requireManagerUser(request);
  const organizationId = params.organizationId ?? "";
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent !== "profile" && intent !== "overrides" && intent !== "reset" && intent !== "mode")
    throw data({ message: "Unknown action." }, { status: 400 });
  const reply = (
    result: Omit<ActionResult, "intent" | "stale">,
    status = 200,
    stale = status === 409,
  ) => data<ActionResult>({ intent, ...result, stale }, { status, headers });
  // The version the page was drawn from: the API refuses a save made over a newer one.
  const settingsVersion = Number(form.get("settingsVersion"));
  if (!Number.isInteger(settingsVersion) || settingsVersion < 1)
    return reply(
      {
        ok: false,
        message: "This page is out of date. Reload it and make your change again.",
        fieldErrors: {},
        submitted: null,
      },
      400,
      true,
    );
  let overrides: Record<string, unknown> = {};
  let submitted: Record<string, Submitted> | null = null;
  try {
    const organization = await api.operator.organization({ id: organizationId });
    if (intent === "profile") {
      const profileId = String(form.get("profileId") ?? "");
      const profiles = await api.operator.profiles();
      await api.operator.setProfile({ organizationId, profileId, settingsVersion });
      const name = profiles.find((p) => p.id === profileId)?.name ?? profileId;
      return reply({
        ok: true,
        message: `Switched to the ${name} profile. Its defaults apply from the next request; overrides were cleared.`,
        fieldErrors: {},
        submitted: null,
      });
    }
    if (intent === "mode") {
      const mode = form.get("mode") === "landlord" ? "landlord" : "property_manager";
      const fixed = form.get("modeFixed") === "on";
      await api.operator.setMode({ organizationId, settingsVersion, mode, fixed });
      return reply({
        ok: true,
        message: `Mode set to ${modeLabels[mode].toLowerCase()}${fixed ? ", fixed for the customer" : "; the customer may change it where their profile lets them"}.`,
        fieldErrors: {},
        submitted: null,
      });
    }
    if (intent === "reset") {
      const knob = String(form.get("knob") ?? "");
      const { [knob]: _reset, ...rest } = organization.policyOverrides;
      overrides = rest;
      await api.operator.setOverrides({ organizationId, overrides, settingsVersion });
      const label = organization.knobs.find((f) => f.knob === knob)?.label ?? knob;
      return reply({
        ok: true,
        message: `${label} is back to the profile default.`,
        fieldErrors: {},
        submitted: null,
      });
    }
    // Save: every knob in the form whose value differs from the profile default is an override.
    const inForm = new Set(form.getAll("fields").map(String));
    const localErrors: Record<string, string[]> = {};
    submitted = {};
    for (const field of organization.knobs) {
      if (!inForm.has(field.knob)) {
        // A form drawn before a profile switch: keep what is stored for knobs it did not show.
        if (field.overridden) overrides[field.knob] = organization.policyOverrides[field.knob];
        continue;
      }
      const read = readField(form, field);
      submitted[field.knob] = read.raw;
      if (read.error) localErrors[field.knob] = [read.error];
      else if (!sameValue(read.value, field.defaultValue)) overrides[field.knob] = read.value;
    }
    if (Object.keys(localErrors).length > 0)
      return reply(
        {
          ok: false,
          message: "Check the highlighted fields.",
          fieldErrors: localErrors,
          submitted,
        },
        400,
      );
    await api.operator.setOverrides({ organizationId, overrides, settingsVersion });
    const count = Object.keys(overrides).length;
    return reply({
      ok: true,
      message:
        count === 0
          ? "Saved. Every knob follows the profile default."
          : `Saved ${count} ${count === 1 ? "override" : "overrides"}. They apply from the next request.`,
      fieldErrors: {},
      submitted: null,
    });
  } catch (error) {
    const problem = problemOf(error);
    // Not an operator, or no such organization: the error page, as for the loader.
    if (!problem || problem.status === 401 || problem.status === 403 || problem.status === 404)
      rethrowAsResponse(error);
    return reply(
      {
        ok: false,
        message: problem.body.message,
        fieldErrors: errorsByKnob(problem.body.fieldErrors, overrides),
        submitted,
      },
      problem.status,
    );
  }
}

/** The column name shown above a cell when a table row stacks on a phone. */
const stackedLabel = "block text-xs font-medium uppercase tracking-wide text-slate-500 sm:hidden";

const modeLabels = { landlord: "Landlord", property_manager: "Property manager" } as const;

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sourceOf(source: string) {
  if (source === "organization override")
    return (
      <span className="inline-block rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">
        Organization override
      </span>
    );
  if (source === "choice") return <span className="text-slate-600">Choice</span>;
  if (source === "customer's choice")
    return (
      <span className="inline-block rounded bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-900">
        Customer's choice
      </span>
    );
  return (
    <span className="text-slate-600">
      Seed file <code className="break-all rounded bg-slate-100 px-1 py-0.5 text-xs">{source}</code>
    </span>
  );
}

export default function OperatorOrganization() {
  const { organization: org, profiles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busyIntent =
    navigation.state === "submitting" ? String(navigation.formData?.get("intent") ?? "") : null;
  const profile = profiles.find((p) => p.id === org.policyProfile);
  const overrideCount = Object.keys(org.policyOverrides).length;
  const formResult =
    result && result.intent !== "profile" && result.intent !== "mode" ? result : null;
  const submitted = formResult && !formResult.ok ? formResult.submitted : null;
  // A new profile or a saved change redraws the form from what is stored.
  const formKey = `${org.policyProfile}-${new Date(org.updatedAt).getTime()}`;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link
          to="/operator"
          className="rounded text-brand-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
        >
          <span aria-hidden="true">← </span>Organization list
        </Link>
      </nav>
      <PageHeader
        title={org.name}
        description={`${profile?.name ?? org.policyProfile} profile · ${modeLabels[org.mode]} · ${org.slug}`}
        actions={
          <Link
            to={`/operator/audit?organizationId=${org.id}`}
            className="rounded-lg px-3 py-2 text-sm font-semibold text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
          >
            Changes to this organization
          </Link>
        }
      />

      {org.problems.length > 0 ? (
        <div className="mb-6">
          <Alert>
            <p className="font-medium">
              The stored overrides do not fit this profile, so its defaults apply:
            </p>
            <ul className="mt-1 list-disc pl-5">
              {org.problems.map((problem) => (
                <li key={`${problem.path}-${problem.message}`}>
                  <code>{problem.path}</code>: {problem.message}
                </li>
              ))}
            </ul>
          </Alert>
        </div>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <section
          aria-labelledby="profile-heading"
          className="h-fit rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
        >
          <h2 id="profile-heading" className="text-lg font-semibold text-slate-900">
            Profile
          </h2>
          <p className="mb-4 text-sm text-slate-600">{profile?.description}</p>
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="profile" />
            <input type="hidden" name="settingsVersion" value={org.settingsVersion} />
            {result?.intent === "profile" && result.message ? (
              <Alert tone={result.ok ? "info" : "error"}>
                {result.message}
                {result.stale ? <ReloadLink organizationId={org.id} /> : null}
              </Alert>
            ) : null}
            <div className="space-y-1">
              <label htmlFor="profileId" className="block text-sm font-medium text-slate-700">
                Policy profile
              </label>
              <select
                id="profileId"
                name="profileId"
                defaultValue={org.policyProfile}
                key={org.policyProfile}
                aria-describedby="profile-note"
                className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm focus:outline-none focus:ring-2 focus:ring-brand-500"
              >
                {profiles.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.id})
                  </option>
                ))}
              </select>
              <p id="profile-note" className="text-xs text-slate-500">
                Switching clears this organization's overrides
                {overrideCount > 0 ? ` (${overrideCount} now)` : ""}. The new profile applies from
                the next request and the switch is recorded in the audit log.
              </p>
            </div>
            <Button className="w-full" disabled={busyIntent === "profile"}>
              {busyIntent === "profile" ? "Switching…" : "Switch profile"}
            </Button>
          </Form>
          <Form method="post" className="mt-4 space-y-3 border-t border-slate-100 pt-4">
            <input type="hidden" name="intent" value="mode" />
            <input type="hidden" name="settingsVersion" value={org.settingsVersion} />
            {result?.intent === "mode" && result.message ? (
              <Alert tone={result.ok ? "info" : "error"}>
                {result.message}
                {result.stale ? <ReloadLink organizationId={org.id} /> : null}
              </Alert>
            ) : null}
            <div className="space-y-1">
              <label htmlFor="mode" className="block text-sm font-medium text-slate-700">
                Account mode
              </label>
              <select
                id="mode"
                name="mode"
                defaultValue={org.mode}
                key={`${org.mode}:${org.settingsVersion}`}
                className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm focus:outline-none focus:ring-2 focus:ring-brand-500"
              >
                <option value="landlord">{modeLabels.landlord}</option>
                <option value="property_manager">{modeLabels.property_manager}</option>
              </select>
            </div>
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="modeFixed"
                defaultChecked={org.modeFixedByOperator}
                key={`fixed:${org.settingsVersion}`}
              />
              Fixed: the customer can't change it
            </label>
            <Button variant="secondary" className="w-full" disabled={busyIntent === "mode"}>
              {busyIntent === "mode" ? "Saving…" : "Save mode"}
            </Button>
          </Form>
          <details className="mt-4 text-sm">
            <summary className="cursor-pointer rounded font-medium text-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
              About the profiles
            </summary>
            <dl className="mt-2 space-y-2">
              {profiles.map((p) => (
                <div key={p.id}>
                  <dt className="font-medium text-slate-800">{p.name}</dt>
                  <dd className="text-slate-600">{p.description}</dd>
                </div>
              ))}
            </dl>
          </details>
        </section>

        <section
          aria-labelledby="overrides-heading"
          className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 lg:col-span-2"
        >
          <h2 id="overrides-heading" className="text-lg font-semibold text-slate-900">
            Overrides
          </h2>
          <p className="mb-4 text-sm text-slate-600">
            The knobs the {profile?.name ?? org.policyProfile} profile lets an organization change.
            A value that matches the profile default is not stored as an override.
          </p>
          {formResult?.message && !formResult.ok ? (
            <div className="mb-4">
              <Alert>
                {formResult.message}
                {formResult.stale ? <ReloadLink organizationId={org.id} /> : null}
              </Alert>
            </div>
          ) : null}
          {org.knobs.length === 0 ? (
            <p className="text-sm text-slate-600">This profile has no knobs to override.</p>
          ) : (
            <>
              {/* "Reset to default" buttons anywhere on the page submit this form (form="reset-knob"). */}
              <Form method="post" id="reset-knob" className="hidden">
                <input type="hidden" name="intent" value="reset" />
                <input type="hidden" name="settingsVersion" value={org.settingsVersion} />
              </Form>
              <Form method="post" noValidate preventScrollReset key={formKey}>
                <input type="hidden" name="intent" value="overrides" />
                <input type="hidden" name="settingsVersion" value={org.settingsVersion} />
                <ul className="divide-y divide-slate-100">
                  {org.knobs.map((field) => (
                    <li key={field.knob} className="py-4 first:pt-0">
                      <input type="hidden" name="fields" value={field.knob} />
                      <KnobInput
                        field={field}
                        submitted={submitted?.[field.knob]}
                        errors={formResult?.ok ? undefined : formResult?.fieldErrors[field.knob]}
                        resetting={busyIntent === "reset"}
                      />
                    </li>
                  ))}
                </ul>
                <div className="mt-2 flex flex-col-reverse gap-2 border-t border-slate-200 pt-4 sm:flex-row sm:items-center sm:justify-end sm:gap-4">
                  <SaveOutcome result={formResult} busy={busyIntent !== null} />
                  <Button className="w-full sm:w-auto" disabled={busyIntent === "overrides"}>
                    {busyIntent === "overrides" ? "Saving…" : "Save overrides"}
                  </Button>
                </div>
              </Form>
            </>
          )}
        </section>
      </div>

      <section aria-labelledby="rules-heading" className="mt-8">
        <h2 id="rules-heading" className="text-lg font-semibold text-slate-900">
          Effective rules
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          What applies to this organization now: the profile's values, with its overrides.
        </p>
        {/* A table from sm up; on phones each row stacks into a card. */}
        <div className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200 sm:overflow-x-auto">
          <table className="block w-full text-sm sm:table sm:min-w-full">
            <caption className="sr-only">Effective rules of {org.name}</caption>
            <thead className="sr-only bg-slate-50 text-left text-slate-600 sm:not-sr-only sm:table-header-group">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Rule
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Value
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Source
                </th>
              </tr>
            </thead>
            <tbody className="block divide-y divide-slate-100 sm:table-row-group sm:border-t sm:border-slate-200">
              {org.rules.map((row) => (
                <tr
                  key={row.knob}
                  className={`grid grid-cols-2 gap-x-4 gap-y-2 px-4 py-3 sm:table-row sm:p-0 ${
                    row.source === "organization override" ? "bg-amber-50/60" : ""
                  }`}
                >
                  <th
                    scope="row"
                    className="col-span-2 text-left align-top font-normal sm:px-4 sm:py-2"
                  >
                    <span className="block font-medium text-slate-900">{row.rule}</span>
                    <span className="mt-0.5 block max-w-prose text-xs text-slate-500">
                      {row.note}
                    </span>
                  </th>
                  <td className="align-top text-slate-800 sm:px-4 sm:py-2">
                    <span aria-hidden="true" className={stackedLabel}>
                      Value
                    </span>
                    {row.value}
                  </td>
                  <td className="align-top sm:px-4 sm:py-2">
                    <span aria-hidden="true" className={stackedLabel}>
                      Source
                    </span>
                    {sourceOf(row.source)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/**
 * Beside the Save button, where the operator is looking: "Saved …" after a save, or a pointer to
 * the refusal shown above the form. Hidden while another save is on its way.
 */
function SaveOutcome({ result, busy }: { result: ActionResult | null; busy: boolean }) {
  if (!result?.message || busy) return null;
  if (!result.ok)
    return <p className="text-sm text-red-700">Not saved: see the message above the settings.</p>;
  return (
    <p role="status" className="text-sm font-medium text-emerald-800">
      <span aria-hidden="true">✓ </span>
      {result.message}
    </p>
  );
}

/** Opens the page again, with what is stored now (and without the refused save's message). */
function ReloadLink({ organizationId }: { organizationId: string }) {
  return (
    <>
      {" "}
      <Link
        to={`/operator/${organizationId}`}
        className="rounded font-semibold underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
      >
        Reload the settings
      </Link>
    </>
  );
}

const inputClass = (invalid: boolean) =>
  `block w-full rounded-lg border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-500 ${
    invalid ? "border-red-500" : "border-slate-300"
  }`;

/** One knob: its input, the profile default, whether it is overridden, and its errors. */
function KnobInput({
  field,
  submitted,
  errors,
  resetting,
}: {
  field: KnobField;
  submitted: Submitted | undefined;
  errors: string[] | undefined;
  resetting: boolean;
}) {
  const id = `knob-${field.knob}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = Boolean(errors?.length);
  const describedBy = invalid ? `${hintId} ${errorId}` : hintId;
  const value = field.value;
  const label = (word: string) => capitalize(field.optionLabels?.[word] ?? word);

  const status = (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
      <span id={hintId} className="text-slate-500">
        Profile default: {field.defaultLabel}
        {field.unit === "bytes" && field.overridden ? ` · now ${field.valueLabel}` : ""}
        {field.hint ? ` · ${field.hint}` : ""}
        {field.kind === "list" && !field.options ? " · one per line" : ""}
        {field.customerChoice !== null
          ? ` · The customer chose: ${field.customerChoice}${field.overridden ? " (your override wins)" : ""}`
          : ""}
      </span>
      {field.overridden ? (
        <>
          <span className="rounded bg-amber-100 px-2 py-0.5 font-medium text-amber-800">
            Overridden
          </span>
          <button
            type="submit"
            form="reset-knob"
            name="knob"
            value={field.knob}
            disabled={resetting}
            className="rounded font-semibold text-brand-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 disabled:text-slate-400"
          >
            Reset to default<span className="sr-only"> ({field.label})</span>
          </button>
        </>
      ) : null}
    </div>
  );
  const errorText = invalid ? (
    <p id={errorId} className="text-sm text-red-600">
      {errors?.join(" ")}
    </p>
  ) : null;

  if (field.kind === "boolean") {
    const checked = submitted !== undefined ? submitted === true : value === true;
    return (
      <div className="space-y-1">
        <div className="flex items-center gap-3">
          <input
            id={id}
            type="checkbox"
            name={field.knob}
            defaultChecked={checked}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-2 focus:ring-brand-500"
          />
          <label htmlFor={id} className="text-sm font-medium text-slate-800">
            {field.label}
          </label>
        </div>
        {status}
        {errorText}
      </div>
    );
  }

  if (field.kind === "list" && field.options) {
    const ticked = Array.isArray(submitted)
      ? submitted
      : Array.isArray(value)
        ? value.map(String)
        : [];
    return (
      <fieldset className="space-y-2" aria-describedby={describedBy}>
        <legend className="text-sm font-medium text-slate-800">{field.label}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {field.options.map((option) => (
            <label key={option} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name={field.knob}
                value={option}
                defaultChecked={ticked.includes(option)}
                aria-invalid={invalid || undefined}
                className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-2 focus:ring-brand-500"
              />
              {label(option)}
            </label>
          ))}
        </div>
        {status}
        {errorText}
      </fieldset>
    );
  }

  let control: ReactNode;
  if (field.kind === "enum") {
    const selected = typeof submitted === "string" ? submitted : String(value);
    control = (
      <select
        id={id}
        name={field.knob}
        defaultValue={selected}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className={inputClass(invalid)}
      >
        {(field.options ?? []).map((option) => (
          <option key={option} value={option}>
            {label(option)}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === "list") {
    const text =
      typeof submitted === "string" ? submitted : Array.isArray(value) ? value.join("\n") : "";
    control = (
      <textarea
        id={id}
        name={field.knob}
        defaultValue={text}
        rows={Math.min(8, Math.max(3, text.split("\n").length))}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className={`${inputClass(invalid)} font-mono text-xs`}
      />
    );
  } else {
    const inMegabytes = field.unit === "bytes" && typeof value === "number";
    const shown = inMegabytes ? String(bytesToMegabytes(value)) : String(value);
    const text = typeof submitted === "string" ? submitted : shown;
    const number = field.kind === "number";
    control = (
      <div className="flex items-center gap-2">
        <input
          id={id}
          name={field.knob}
          type={number ? "number" : "text"}
          inputMode={number ? (inMegabytes ? "decimal" : "numeric") : undefined}
          min={inMegabytes ? 0.01 : field.min}
          max={inMegabytes && field.max !== undefined ? bytesToMegabytes(field.max) : field.max}
          step={number ? (inMegabytes ? "any" : 1) : undefined}
          defaultValue={text}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={`${inputClass(invalid)} sm:max-w-xs`}
        />
        {field.unit ? (
          <span className="text-sm text-slate-600">{inMegabytes ? "MB" : field.unit}</span>
        ) : null}
      </div>
    );
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {field.label}
      </label>
      {control}
      {status}
      {errorText}
    </div>
  );
}
