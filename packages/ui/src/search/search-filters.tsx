import type { RouterOutputs } from "@hearth/api";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { kindLabels, messageTypeLabels } from "../messenger/format";
import { SEARCH_PATH, type SearchForm, searchHref } from "./search-params";

type FilterOptions = RouterOutputs["search"]["filterOptions"];
export type FieldErrors = Record<string, string | undefined>;

const inputClass =
  "block w-full rounded-lg border px-3 py-2 text-sm text-slate-900 shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-500";

function Filter({
  name,
  label,
  error,
  children,
}: {
  name: keyof SearchForm;
  label: string;
  error: string | undefined;
  children: (props: {
    id: string;
    name: string;
    className: string;
    "aria-invalid": true | undefined;
    "aria-describedby": string | undefined;
  }) => ReactNode;
}) {
  const id = `search-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children({
        id,
        name,
        className: `${inputClass} ${error ? "border-red-500" : "border-slate-300"}`,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? `${id}-error` : undefined,
      })}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Choices({ entries, anyLabel }: { entries: [string, string][]; anyLabel: string }) {
  return (
    <>
      <option value="">{anyLabel}</option>
      {entries.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}

/**
 * The search form: words, then filters. A plain GET form, so the URL is the search and the page
 * works without JavaScript. Property and unit appear where there is a choice to make.
 */
export function SearchFilters({
  form,
  options,
  conversationTitle,
  isManager,
  errors,
}: {
  form: SearchForm;
  options: FilterOptions;
  conversationTitle: string | null;
  isManager: boolean;
  errors: FieldErrors;
}) {
  const showProperties = isManager || options.properties.length > 1;
  const showUnits = isManager || options.units.length > 1;
  const propertyName = new Map(options.properties.map((p) => [p.id, p.name]));
  const kinds = Object.entries(kindLabels).filter(([kind]) => isManager || kind !== "team");
  return (
    <Form method="get" action={SEARCH_PATH} className="space-y-4" aria-label="Search messages">
      {form.conversationId ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <input type="hidden" name="conversationId" value={form.conversationId} />
          <span className="inline-flex items-center gap-2 rounded-full bg-brand-50 py-1 pl-3 pr-1 text-brand-900 ring-1 ring-brand-100">
            In: {conversationTitle ?? "one conversation"}
            <Link
              to={searchHref({ ...form, conversationId: "" })}
              className="rounded-full px-2 text-brand-700 hover:bg-white"
              aria-label="Remove filter: search every conversation"
            >
              ×
            </Link>
          </span>
        </div>
      ) : null}
      <div className="flex gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="search-q" className="sr-only">
            Words to find
          </label>
          <input
            id="search-q"
            type="search"
            name="q"
            defaultValue={form.q}
            maxLength={500}
            placeholder='Words, "a phrase", -leave out'
            aria-invalid={errors.q ? true : undefined}
            aria-describedby={errors.q ? "search-q-error" : undefined}
            className={`${inputClass} ${errors.q ? "border-red-500" : "border-slate-300"}`}
          />
          {errors.q ? (
            <p id="search-q-error" className="mt-1 text-xs text-red-700">
              {errors.q}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2"
        >
          Search
        </button>
      </div>
      <fieldset className="grid grid-cols-2 gap-3 rounded-xl bg-white p-4 ring-1 ring-slate-200 lg:grid-cols-4">
        <legend className="sr-only">Filters</legend>
        <Filter name="from" label="From day" error={errors.from}>
          {(props) => <input type="date" defaultValue={form.from} {...props} />}
        </Filter>
        <Filter name="to" label="To day" error={errors.to}>
          {(props) => <input type="date" defaultValue={form.to} {...props} />}
        </Filter>
        <Filter name="personId" label="Person" error={errors.personId}>
          {(props) => (
            <select defaultValue={form.personId} {...props}>
              <Choices anyLabel="Anyone" entries={options.people.map((p) => [p.id, p.name])} />
            </select>
          )}
        </Filter>
        {showProperties ? (
          <Filter name="propertyId" label="Property" error={errors.propertyId}>
            {(props) => (
              <select defaultValue={form.propertyId} {...props}>
                <Choices
                  anyLabel="Any property"
                  entries={options.properties.map((p) => [p.id, p.name])}
                />
              </select>
            )}
          </Filter>
        ) : null}
        {showUnits ? (
          <Filter name="unitId" label="Unit" error={errors.unitId}>
            {(props) => (
              <select defaultValue={form.unitId} {...props}>
                <Choices
                  anyLabel="Any unit"
                  entries={options.units.map((u) => [
                    u.id,
                    showProperties ? `${u.name} · ${propertyName.get(u.propertyId) ?? ""}` : u.name,
                  ])}
                />
              </select>
            )}
          </Filter>
        ) : null}
        <Filter name="kind" label="Conversation" error={errors.kind}>
          {(props) => (
            <select defaultValue={form.kind} {...props}>
              <Choices anyLabel="Any kind" entries={kinds} />
            </select>
          )}
        </Filter>
        <Filter name="type" label="Message type" error={errors.type}>
          {(props) => (
            <select defaultValue={form.type} {...props}>
              <Choices anyLabel="Any type" entries={Object.entries(messageTypeLabels)} />
            </select>
          )}
        </Filter>
        <Filter name="priority" label="Priority" error={errors.priority}>
          {(props) => (
            <select defaultValue={form.priority} {...props}>
              <Choices
                anyLabel="Any priority"
                entries={[
                  ["high", "High"],
                  ["normal", "Normal"],
                ]}
              />
            </select>
          )}
        </Filter>
        <div className="col-span-2 flex items-end justify-end gap-3 lg:col-span-4">
          <Link
            to={searchHref({ q: form.q, conversationId: form.conversationId })}
            className="rounded-lg px-3 py-2 text-sm text-brand-700 hover:bg-slate-100"
          >
            Clear filters
          </Link>
          <button
            type="submit"
            className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50"
          >
            Apply filters
          </button>
        </div>
      </fieldset>
    </Form>
  );
}
