import {
  Alert,
  Button,
  isMaintenanceStatus,
  MessageAttachments,
  maintenanceStatusLabels,
  PageHeader,
  PriorityBadge,
  RequestHistory,
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

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `${loaded?.request.title ?? "Maintenance request"} · Hearth` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, organization, headers } = await requireManagerUser(request);
  const detail = await api.maintenance
    .detail({ requestId: params.requestId ?? "" })
    .catch(rethrowAsResponse);
  return data({ ...detail, timeZone: organization?.timezone ?? "UTC" }, { headers });
}

type Intent = "status" | "share";

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, headers } = await requireManagerUser(request);
  const form = await request.formData();
  const intent = form.get("intent");
  const requestId = params.requestId ?? "";
  if (intent !== "status" && intent !== "share")
    throw data({ message: "Unknown action." }, { status: 400 });
  try {
    if (intent === "status") {
      const status = form.get("status");
      if (!isMaintenanceStatus(status))
        return data(
          { intent: intent as Intent, ok: false as const, message: "Choose a status." },
          { status: 400, headers },
        );
      await api.maintenance.setStatus({ requestId, status });
      return data(
        { intent: intent as Intent, ok: true as const, message: "Status changed." },
        { headers },
      );
    }
    const shared = await api.maintenance.share({
      requestId,
      userIds: form.getAll("userId").map(String),
    });
    const message = shared.conversationId
      ? "Shared. They joined the request's Maintenance Requests thread."
      : "Shared. They see the request and its updates.";
    return data({ intent: intent as Intent, ok: true as const, message }, { headers });
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    return data(
      { intent: intent as Intent, ok: false as const, message: problem.body.message },
      { status: problem.status, headers },
    );
  }
}

function ResultFor({ intent }: { intent: Intent }) {
  const result = useActionData<typeof action>();
  if (!result || result.intent !== intent) return null;
  return (
    <div className="mt-3" role="status">
      <Alert tone={result.ok ? "info" : "error"}>{result.message}</Alert>
    </div>
  );
}

function StatusForm() {
  const { request, statuses, changeStatus } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  if (!changeStatus.allowed) return <p className="text-sm text-slate-600">{changeStatus.reason}</p>;
  return (
    <Form method="post" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="intent" value="status" />
      <div className="space-y-1">
        <label htmlFor="field-status" className="block text-sm font-medium text-slate-700">
          Status
        </label>
        <select
          id="field-status"
          name="status"
          defaultValue={request.status}
          className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
        >
          {statuses.map((status) => (
            <option key={status} value={status}>
              {maintenanceStatusLabels[status]}
            </option>
          ))}
        </select>
      </div>
      <Button disabled={busy}>Change status</Button>
    </Form>
  );
}

function ShareForm() {
  const { shareWith } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const pros = shareWith.filter((p) => p.kind === "service_pro");
  const residents = shareWith.filter((p) => p.kind !== "service_pro");
  const group = (label: string, people: typeof shareWith) =>
    people.length === 0 ? null : (
      <fieldset className="space-y-1">
        <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          {label}
        </legend>
        {people.map((person) => (
          <label key={person.id} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="userId"
              value={person.id}
              disabled={!person.share.allowed || person.alreadyShared}
              className="mt-0.5"
            />
            <span>
              {person.name}
              {person.alreadyShared ? (
                <span className="text-slate-500"> · shared</span>
              ) : !person.share.allowed ? (
                <span className="block text-xs text-slate-500">{person.share.reason}</span>
              ) : null}
            </span>
          </label>
        ))}
      </fieldset>
    );
  return (
    <Form method="post" className="space-y-3">
      <input type="hidden" name="intent" value="share" />
      {group("Service pros", pros)}
      {group("Residents", residents)}
      <Button variant="secondary" disabled={busy || shareWith.length === 0}>
        Share with a service pro
      </Button>
    </Form>
  );
}

export default function MaintenanceRequest() {
  const { request, updates, timeZone, attachments } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/maintenance" className="text-brand-700 hover:underline">
          ← All requests
        </Link>
      </p>
      <PageHeader
        title={request.title}
        description={`${request.propertyName}${request.unitName ? ` · Unit ${request.unitName}` : ""} · from ${request.submittedByName}`}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <div className="mb-3 flex items-center gap-3">
              <StatusBadge status={request.status} />
              <PriorityBadge priority={request.priority} />
            </div>
            <p className="whitespace-pre-wrap text-sm text-slate-800">{request.description}</p>
            <MessageAttachments files={attachments} />
            {request.conversationId ? (
              <Link
                to={`/inbox/${request.conversationId}`}
                className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline"
              >
                Open the Maintenance Requests thread
              </Link>
            ) : null}
          </section>
          <section
            aria-labelledby="history-heading"
            className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
          >
            <h2 id="history-heading" className="mb-3 text-base font-semibold text-slate-900">
              History
            </h2>
            <RequestHistory
              submittedAt={request.createdAt}
              submittedByName={request.submittedByName}
              updates={updates}
              timeZone={timeZone}
            />
          </section>
        </div>
        <div className="space-y-6">
          <section
            aria-labelledby="status-heading"
            className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
          >
            <h2 id="status-heading" className="mb-3 text-base font-semibold text-slate-900">
              Change status
            </h2>
            <p className="mb-3 text-sm text-slate-600">The resident is told of every change.</p>
            <StatusForm />
            <ResultFor intent="status" />
          </section>
          <section
            aria-labelledby="share-heading"
            className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
          >
            <h2 id="share-heading" className="mb-3 text-base font-semibold text-slate-900">
              Share
            </h2>
            <ShareForm />
            <ResultFor intent="share" />
          </section>
        </div>
      </div>
    </>
  );
}
