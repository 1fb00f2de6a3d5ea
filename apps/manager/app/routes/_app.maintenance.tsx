import {
  Alert,
  ageOf,
  Button,
  EmptyState,
  isMaintenanceStatus,
  maintenanceStatusLabels,
  PageHeader,
  PriorityBadge,
  StatusBadge,
} from "@hearth/ui";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { problemOf, requireManagerUser, rethrowAsResponse } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Maintenance · Hearth" }];

const filterNames = ["status", "priority", "propertyId", "unitId"] as const;
type FilterName = (typeof filterNames)[number];

/** The filters the address carries; an empty or unknown one is no filter. */
function filtersOf(url: URL) {
  const text = (name: FilterName | "cursor") => url.searchParams.get(name) || undefined;
  const status = text("status");
  const priority = text("priority");
  return {
    status: isMaintenanceStatus(status) ? status : undefined,
    priority: (["high", "normal"] as const).find((known) => known === priority),
    propertyId: text("propertyId"),
    unitId: text("unitId"),
    cursor: text("cursor"),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, organization, headers } = await requireManagerUser(request);
  const filters = filtersOf(new URL(request.url));
  const { cursor, ...chosen } = filters;
  // Ids are checked by the API: a malformed one is a 400 with the reason.
  const page = await api.maintenance.page(filters).catch(rethrowAsResponse);
  const now = new Date();
  return data(
    {
      rows: page.rows.map((row) => ({ ...row, age: ageOf(row.createdAt, now) })),
      nextCursor: page.nextCursor,
      paged: Boolean(cursor),
      choices: page.choices,
      filters: Object.fromEntries(
        Object.entries(chosen).filter((entry): entry is [string, string] => Boolean(entry[1])),
      ),
      settings: page.settings,
      timeZone: organization?.timezone ?? "UTC",
    },
    { headers },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireManagerUser(request);
  const form = await request.formData();
  if (form.get("intent") !== "settings")
    throw data({ message: "Unknown action." }, { status: 400 });
  try {
    const result = await api.maintenance.setMaintenanceThreads({
      enabled: form.get("enabled") === "true",
    });
    return data({ ok: true as const, enabled: result.enabled, message: null }, { headers });
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    return data(
      { ok: false as const, enabled: null, message: problem.body.message },
      { status: problem.status, headers },
    );
  }
}

function FilterSelect({
  label,
  name,
  value,
  children,
}: {
  label: string;
  name: FilterName;
  value: string | undefined;
  children: React.ReactNode;
}) {
  return (
    <div className="min-w-[9rem] flex-1 space-y-1">
      <label htmlFor={`filter-${name}`} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={value ?? ""}
        className="block w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        {children}
      </select>
    </div>
  );
}

function Filters() {
  const { choices, filters } = useLoaderData<typeof loader>();
  return (
    <Form
      method="get"
      className="mb-4 flex flex-wrap items-end gap-3 rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200"
      aria-label="Filter requests"
    >
      <FilterSelect label="Status" name="status" value={filters.status}>
        <option value="">Any status</option>
        {Object.entries(maintenanceStatusLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Priority" name="priority" value={filters.priority}>
        <option value="">Any priority</option>
        <option value="high">High</option>
        <option value="normal">Normal</option>
      </FilterSelect>
      <FilterSelect label="Property" name="propertyId" value={filters.propertyId}>
        <option value="">Every property</option>
        {choices.properties.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Unit" name="unitId" value={filters.unitId}>
        <option value="">Every unit</option>
        {choices.units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.propertyName} · {u.name}
          </option>
        ))}
      </FilterSelect>
      <div className="flex gap-2">
        <Button variant="secondary">Apply</Button>
        <Link
          to="/maintenance"
          className="inline-flex items-center rounded-lg px-3 py-2 text-sm text-slate-700 hover:bg-slate-100"
        >
          Clear
        </Link>
      </div>
    </Form>
  );
}

function RequestsTable() {
  const { rows } = useLoaderData<typeof loader>();
  if (rows.length === 0)
    return (
      <EmptyState title="No maintenance requests">
        Requests your residents send appear here, newest first.
      </EmptyState>
    );
  return (
    <ul
      className="divide-y divide-slate-200 rounded-xl bg-white shadow-sm ring-1 ring-slate-200"
      aria-label="Maintenance requests"
    >
      {rows.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
          <div className="min-w-0 flex-1 basis-64">
            <Link
              to={`/maintenance/${r.id}`}
              className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
            >
              {r.title}
            </Link>
            <p className="text-xs text-slate-500">
              {r.propertyName}
              {r.unitName ? ` · Unit ${r.unitName}` : ""} · from {r.submittedByName}
              {r.attachments.length
                ? ` · ${r.attachments.length} ${r.attachments.length === 1 ? "file" : "files"}`
                : ""}
            </p>
          </div>
          <div className="flex items-center gap-3 text-xs text-slate-600">
            <StatusBadge status={r.status} />
            <PriorityBadge priority={r.priority} />
            <span title="Age">{r.age}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Seed 001 "Maintenance Settings": the manager's own switch for threads of tenants' requests. */
function MaintenanceSettings() {
  const { settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const enabled = result?.ok ? result.enabled : settings.enabled;
  return (
    <section
      aria-labelledby="maintenance-settings"
      className="h-fit rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="maintenance-settings" className="text-base font-semibold text-slate-900">
        Maintenance Settings
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        A "Maintenance Requests" thread for each request your residents submit.
      </p>
      {settings.optOut.allowed ? (
        <Form method="post" className="mt-3 space-y-2">
          <input type="hidden" name="intent" value="settings" />
          <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
          <p className="text-sm">
            Threads for my residents' requests:{" "}
            <span className="font-semibold">{enabled ? "on" : "off"}</span>
          </p>
          <Button variant="secondary" disabled={busy}>
            {enabled ? "Turn off" : "Turn on"}
          </Button>
        </Form>
      ) : (
        <p className="mt-3 text-sm text-slate-600">
          {settings.optOut.reason} Requests still reach you on this page.
        </p>
      )}
      {result && !result.ok ? (
        <div className="mt-3">
          <Alert>{result.message}</Alert>
        </div>
      ) : null}
    </section>
  );
}

export default function MaintenanceRequests() {
  const { nextCursor, paged, filters } = useLoaderData<typeof loader>();
  const query = new URLSearchParams(filters);
  const next = new URLSearchParams(query);
  if (nextCursor) next.set("cursor", nextCursor);
  return (
    <>
      <PageHeader
        title="Maintenance requests"
        description="Every request of your organization, newest first."
      />
      <div className="grid gap-6 lg:grid-cols-4">
        <div className="lg:col-span-3">
          <Filters />
          <RequestsTable />
          <nav className="mt-3 flex gap-4 text-sm" aria-label="Pages">
            {paged ? (
              <Link to={`/maintenance?${query}`} className="text-brand-700 hover:underline">
                Newest requests
              </Link>
            ) : null}
            {nextCursor ? (
              <Link to={`/maintenance?${next}`} className="text-brand-700 hover:underline">
                Older requests
              </Link>
            ) : null}
          </nav>
        </div>
        <MaintenanceSettings />
      </div>
    </>
  );
}
