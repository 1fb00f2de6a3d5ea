import { Button, dateTime, EmptyState, PageHeader, useDateStyle } from "@hearth/ui";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireManagerUser, rethrowAsResponse } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Audit log · Hearth operator" }];

/** Actions the product records, in words. Unknown ones are shown as stored. */
const actionLabels: Record<string, string> = {
  "policy.profile_changed": "Profile switched",
  "policy.overrides_changed": "Overrides changed",
  "invitation.sent": "Invitation sent",
  "invitation.accepted": "Invitation accepted",
  "message.edited": "Message edited",
  "message.deleted": "Message deleted",
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireManagerUser(request);
  const params = new URL(request.url).searchParams;
  const organizationId = params.get("organizationId") ?? "";
  const action = params.get("action") ?? "";
  const before = Number(params.get("before"));
  const filters = {
    organizationId: uuid.test(organizationId) ? organizationId : "",
    action: action.length <= 100 ? action : "",
  };
  const [log, organizations, profiles] = await Promise.all([
    api.operator.auditLog({
      ...(filters.organizationId ? { organizationId: filters.organizationId } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      ...(Number.isSafeInteger(before) && before > 0 ? { before } : {}),
    }),
    api.operator.organizations(),
    api.operator.profiles(),
  ]).catch(rethrowAsResponse);
  return data(
    {
      log,
      filters,
      paged: Number.isSafeInteger(before) && before > 0,
      organizations: organizations.map((o) => ({ id: o.id, name: o.name })),
      profileNames: Object.fromEntries(profiles.map((p) => [p.id, p.name])),
    },
    { headers },
  );
}

function query(filters: { organizationId: string; action: string }, before?: number): string {
  const params = new URLSearchParams();
  if (filters.organizationId) params.set("organizationId", filters.organizationId);
  if (filters.action) params.set("action", filters.action);
  if (before) params.set("before", String(before));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The column name shown above a cell when an entry stacks on a narrow screen. */
const stackedLabel = "mb-1 block text-xs font-semibold text-slate-800 lg:hidden";

const fieldLabels: Record<string, string> = {
  profile: "Profile",
  overrides: "Overrides",
  body: "Message",
  email: "Email",
  kind: "Kind",
};

/** A stored value in words: on/off, lists joined, objects as their keys and values. */
function inWords(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? "on" : "off";
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(inWords).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One side (before or after) of an audit entry; what differs from the other side is marked. */
function Snapshot({
  value,
  other,
  profileNames,
}: {
  value: Record<string, unknown> | null;
  other: Record<string, unknown> | null;
  profileNames: Record<string, string>;
}) {
  if (!value || Object.keys(value).length === 0)
    return <span className="text-slate-500">Nothing recorded</span>;
  const changed = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  const mark = (isChanged: boolean) => (isChanged ? "font-semibold text-slate-900" : "");
  return (
    <dl className="space-y-1">
      {Object.entries(value).map(([key, item]) => (
        <div key={key}>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">
            {fieldLabels[key] ?? key}
          </dt>
          <dd className="text-slate-700">
            {key === "profile" && typeof item === "string" ? (
              <span className={mark(changed(item, other?.profile))}>
                {profileNames[item] ?? item} <code className="text-xs">({item})</code>
              </span>
            ) : key === "overrides" && isRecord(item) ? (
              Object.keys(item).length === 0 ? (
                <span className={mark(changed(item, other?.overrides))}>None</span>
              ) : (
                <ul>
                  {Object.entries(item).map(([knob, knobValue]) => {
                    const otherSide = isRecord(other?.overrides) ? other.overrides : {};
                    return (
                      <li key={knob} className={mark(changed(knobValue, otherSide[knob]))}>
                        <code className="text-xs">{knob}</code>: {inWords(knobValue)}
                      </li>
                    );
                  })}
                </ul>
              )
            ) : (
              <span className="break-words">{inWords(item)}</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export default function AuditLog() {
  const { log, filters, paged, organizations, profileNames } = useLoaderData<typeof loader>();
  const dates = useDateStyle();
  const filtered = Boolean(filters.organizationId || filters.action);
  const selectClass =
    "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm focus:outline-none focus:ring-2 focus:ring-brand-500";
  const linkClass =
    "rounded-lg px-3 py-2 text-sm font-semibold text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500";
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Profile switches, override changes and other recorded actions, newest first."
      />
      <Form
        method="get"
        className="mb-6 grid gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
      >
        <div className="space-y-1">
          <label htmlFor="filter-organization" className="block text-sm font-medium text-slate-700">
            Organization
          </label>
          <select
            id="filter-organization"
            name="organizationId"
            defaultValue={filters.organizationId}
            key={`org-${filters.organizationId}`}
            className={selectClass}
          >
            <option value="">All organizations</option>
            {organizations.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-action" className="block text-sm font-medium text-slate-700">
            Action
          </label>
          <select
            id="filter-action"
            name="action"
            defaultValue={filters.action}
            key={`action-${filters.action}`}
            className={selectClass}
          >
            <option value="">All actions</option>
            {Object.entries(actionLabels).map(([action, label]) => (
              <option key={action} value={action}>
                {label}
              </option>
            ))}
            {filters.action && !actionLabels[filters.action] ? (
              <option value={filters.action}>{filters.action}</option>
            ) : null}
          </select>
        </div>
        <div className="flex gap-2">
          <Button className="flex-1 sm:flex-none">Filter</Button>
          {filtered ? (
            <Link to="/operator/audit" className={linkClass}>
              Clear
            </Link>
          ) : null}
        </div>
      </Form>

      {log.entries.length === 0 ? (
        <EmptyState title={paged ? "No older entries" : "No entries"}>
          {filtered ? "Nothing recorded matches these filters." : "Nothing has been recorded yet."}
        </EmptyState>
      ) : (
        // A table on wide screens; below lg each entry stacks into a card. The region takes
        // focus so keyboard users can scroll the table sideways too.
        <section
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
          tabIndex={0}
          aria-label="Audit entries"
          className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200 lg:overflow-x-auto"
        >
          <table className="block w-full text-sm lg:table lg:min-w-full">
            <caption className="sr-only">
              Audit log entries{paged ? ", older page" : ""}, newest first
            </caption>
            <thead className="sr-only bg-slate-50 text-left text-slate-600 lg:not-sr-only lg:table-header-group">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  When
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Organization
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Action
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Before
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  After
                </th>
              </tr>
            </thead>
            <tbody className="block divide-y divide-slate-100 lg:table-row-group lg:border-t lg:border-slate-200">
              {log.entries.map((entry) => {
                const at = new Date(entry.createdAt);
                return (
                  <tr
                    key={entry.id}
                    className="grid grid-cols-2 gap-x-4 gap-y-1 px-4 py-3 lg:table-row lg:p-0"
                  >
                    <td className="align-top text-slate-600 lg:whitespace-nowrap lg:px-4 lg:py-2">
                      <time dateTime={at.toISOString()} title={at.toISOString()}>
                        {dateTime(at, dates)}
                      </time>
                    </td>
                    <td className="text-right align-top text-slate-800 lg:px-4 lg:py-2 lg:text-left">
                      {entry.organizationName ?? "—"}
                    </td>
                    <th
                      scope="row"
                      className="col-span-2 text-left align-top font-normal lg:px-4 lg:py-2"
                    >
                      <span className="font-medium text-slate-900 lg:block">
                        {actionLabels[entry.action] ?? entry.action}
                      </span>{" "}
                      <span className="text-xs text-slate-500 lg:block">
                        by {entry.actorName ?? entry.actorEmail ?? "someone since removed"}
                      </span>
                    </th>
                    <td className="mt-1 align-top lg:mt-0 lg:px-4 lg:py-2">
                      <span aria-hidden="true" className={stackedLabel}>
                        Before
                      </span>
                      <Snapshot
                        value={entry.before}
                        other={entry.after}
                        profileNames={profileNames}
                      />
                    </td>
                    <td className="mt-1 align-top lg:mt-0 lg:px-4 lg:py-2">
                      <span aria-hidden="true" className={stackedLabel}>
                        After
                      </span>
                      <Snapshot
                        value={entry.after}
                        other={entry.before}
                        profileNames={profileNames}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}

      <nav aria-label="Audit log pages" className="mt-4 flex flex-wrap justify-end gap-2">
        {paged ? (
          <Link to={`/operator/audit${query(filters)}`} className={linkClass}>
            Newest entries
          </Link>
        ) : null}
        {log.nextCursor ? (
          <Link to={`/operator/audit${query(filters, log.nextCursor)}`} className={linkClass}>
            Older entries
          </Link>
        ) : null}
      </nav>
    </>
  );
}
