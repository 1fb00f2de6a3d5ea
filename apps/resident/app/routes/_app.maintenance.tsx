import {
  Alert,
  Button,
  EmptyState,
  Field,
  FormAttachments,
  MessageAttachments,
  mediumDate,
  PageHeader,
  RequestHistory,
  StatusBadge,
  useDateStyle,
  useUploads,
} from "@hearth/ui";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { problemOf, requireResidentUser, rethrowAsResponse } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Maintenance · Hearth" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, user, organization, headers } = await requireResidentUser(request);
  const list = await api.maintenance.list().catch(rethrowAsResponse);
  return data(
    {
      ...list,
      canSubmit: user.kind === "resident",
      timeZone: organization?.timezone ?? "UTC",
    },
    { headers },
  );
}

interface Submitted {
  title: string;
  description: string;
  unitId: string;
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireResidentUser(request);
  const form = await request.formData();
  if (form.get("intent") !== "submit") throw data({ message: "Unknown action." }, { status: 400 });
  const submitted: Submitted = {
    title: String(form.get("title") ?? ""),
    description: String(form.get("description") ?? ""),
    unitId: String(form.get("unitId") ?? ""),
  };
  try {
    const result = await api.maintenance.submit({
      title: submitted.title,
      description: submitted.description,
      ...(submitted.unitId ? { unitId: submitted.unitId } : {}),
      attachmentIds: form.getAll("attachmentIds").map(String),
    });
    return data(
      { ok: true as const, ...result, message: null, fieldErrors: {}, submitted: null },
      { headers },
    );
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    return data(
      { ok: false as const, ...problem.body, submitted },
      { status: problem.status, headers },
    );
  }
}

export default function Maintenance() {
  const { requests, units, canSubmit, timeZone, attachFile } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const formRef = useRef<HTMLFormElement>(null);
  const uploads = useUploads(attachFile.limits);
  const clearUploads = uploads.clear;
  const sentId = result?.ok ? result.requestId : null;
  useEffect(() => {
    if (!sentId) return;
    formRef.current?.reset();
    clearUploads();
  }, [sentId, clearUploads]);
  const submitted = result && !result.ok ? result.submitted : null;
  const fieldErrors: Record<string, string[] | undefined> =
    result && !result.ok ? result.fieldErrors : {};
  const dates = useDateStyle(timeZone);
  return (
    <>
      <PageHeader
        title="Maintenance requests"
        description={
          canSubmit
            ? "Report a problem in your home and follow up on your requests."
            : "Requests your manager shared with you."
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <section className="lg:col-span-2" aria-labelledby="requests-heading">
          <h2 id="requests-heading" className="sr-only">
            Your requests
          </h2>
          {requests.length === 0 ? (
            <EmptyState title="No maintenance requests yet">
              {canSubmit ? "Requests you send appear here." : null}
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
              {requests.map((r) => (
                <li key={r.id} className="px-4 py-3">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0 flex-1">
                      <p className="font-medium text-slate-900">{r.title}</p>
                      <p className="text-xs text-slate-500">
                        {r.propertyName}
                        {r.unitName ? ` · Unit ${r.unitName}` : ""} ·{" "}
                        {mediumDate(r.createdAt, dates)}
                        {r.mine ? "" : ` · from ${r.submittedByName}`}
                      </p>
                    </div>
                    <StatusBadge status={r.status} />
                  </div>
                  {r.description ? (
                    <p className="mt-1 line-clamp-2 text-sm text-slate-600">{r.description}</p>
                  ) : null}
                  <MessageAttachments files={r.attachments} />
                  <details className="mt-2" open={r.updates.length > 0}>
                    <summary className="cursor-pointer text-sm text-slate-600">
                      History ({r.updates.length + 1})
                    </summary>
                    <div className="mt-2">
                      <RequestHistory
                        submittedAt={r.createdAt}
                        submittedByName={r.submittedByName}
                        updates={r.updates}
                        timeZone={timeZone}
                      />
                    </div>
                  </details>
                  {r.conversationId ? (
                    <Link
                      to={`/messages/${r.conversationId}`}
                      className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline"
                    >
                      Open the conversation<span className="sr-only"> about {r.title}</span>
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        {canSubmit ? (
          <section
            aria-labelledby="submit-heading"
            className="h-fit rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
          >
            <h2 id="submit-heading" className="text-lg font-semibold text-slate-900">
              New request
            </h2>
            <p className="mb-4 text-sm text-slate-600">
              Tell your manager what needs fixing. They will follow up with you.
            </p>
            <Form method="post" className="space-y-3" noValidate ref={formRef}>
              <input type="hidden" name="intent" value="submit" />
              {result?.ok ? (
                <Alert tone="info">
                  Request sent to your manager.{" "}
                  {result.conversationId ? (
                    <Link
                      to={`/messages/${result.conversationId}`}
                      className="font-semibold underline"
                    >
                      Open its conversation
                    </Link>
                  ) : (
                    "Its status and every update appear in your list."
                  )}
                </Alert>
              ) : null}
              {result && !result.ok && result.message && !Object.keys(fieldErrors).length ? (
                <Alert>{result.message}</Alert>
              ) : null}
              {units.length === 0 ? (
                <Alert tone="info">
                  You have no current lease, so there is no unit to send a request about.
                </Alert>
              ) : null}
              {units.length > 1 ? (
                <div className="space-y-1">
                  <label
                    htmlFor="field-unitId"
                    className="block text-sm font-medium text-slate-700"
                  >
                    Unit
                  </label>
                  <select
                    id="field-unitId"
                    name="unitId"
                    defaultValue={submitted?.unitId ?? units[0]?.unitId}
                    aria-invalid={fieldErrors.unitId ? true : undefined}
                    className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
                  >
                    {units.map((u) => (
                      <option key={u.unitId} value={u.unitId}>
                        {u.propertyName} · Unit {u.unitName}
                      </option>
                    ))}
                  </select>
                </div>
              ) : units[0] ? (
                <p className="text-sm text-slate-600">
                  For <span className="font-medium">{units[0].propertyName}</span>, unit{" "}
                  {units[0].unitName}
                </p>
              ) : null}
              {fieldErrors.unitId ? (
                <p className="text-sm text-red-600">{fieldErrors.unitId.join(" ")}</p>
              ) : null}
              <Field
                label="Title"
                name="title"
                required
                maxLength={200}
                placeholder="e.g. Leaking kitchen faucet"
                defaultValue={submitted?.title}
                errors={fieldErrors.title}
              />
              <div className="space-y-1">
                <label
                  htmlFor="field-description"
                  className="block text-sm font-medium text-slate-700"
                >
                  What's wrong?
                </label>
                <textarea
                  id="field-description"
                  name="description"
                  required
                  rows={5}
                  defaultValue={submitted?.description}
                  aria-invalid={fieldErrors.description ? true : undefined}
                  aria-describedby={fieldErrors.description ? "field-description-error" : undefined}
                  className={`block w-full rounded-lg border px-3 py-2 text-slate-900 shadow-sm outline-none focus:ring-2 focus:ring-brand-500 ${
                    fieldErrors.description ? "border-red-500" : "border-slate-300"
                  }`}
                />
                {fieldErrors.description ? (
                  <p id="field-description-error" className="text-sm text-red-600">
                    {fieldErrors.description.join(" ")}
                  </p>
                ) : null}
              </div>
              {attachFile.allowed ? (
                <FormAttachments
                  uploads={uploads}
                  limits={attachFile.limits}
                  hint={attachFile.reason}
                  legend="Photos"
                >
                  {fieldErrors.attachmentIds ? (
                    <p className="text-sm text-red-600">{fieldErrors.attachmentIds.join(" ")}</p>
                  ) : null}
                </FormAttachments>
              ) : null}
              <Button
                className="w-full"
                disabled={busy || units.length === 0 || uploads.blocker !== null}
              >
                {busy ? "Sending…" : "Send request"}
              </Button>
            </Form>
          </section>
        ) : null}
      </div>
    </>
  );
}
