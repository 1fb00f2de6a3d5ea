import { Alert, Button, dateTime, PageHeader, useDateStyle } from "@hearth/ui";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { problemOf, requireManagerUser, rethrowAsResponse } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Announcement report · Hearth" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, organization, headers } = await requireManagerUser(request);
  const report = await api.broadcasts
    .report({ conversationId: params.conversationId ?? "" })
    .catch(rethrowAsResponse);
  return data({ report, timeZone: organization?.timezone ?? "UTC" }, { headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, headers } = await requireManagerUser(request);
  const form = await request.formData();
  if (form.get("intent") !== "remind") throw data({ message: "Unknown action." }, { status: 400 });
  try {
    const result = await api.broadcasts.remindUnread({
      conversationId: params.conversationId ?? "",
    });
    const message =
      result.reminded === 0
        ? "Everyone who hasn't read it was already reminded today."
        : `Reminder sent to ${result.reminded} ${result.reminded === 1 ? "person" : "people"}${
            result.emailed ? `, ${result.emailed} by email too` : ""
          }.`;
    return data({ ok: true as const, message }, { headers });
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    return data(
      { ok: false as const, message: problem.body.message },
      { status: problem.status, headers },
    );
  }
}

function People({ title, people }: { title: string; people: { id: string; name: string }[] }) {
  return (
    <section aria-label={title} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 className="mb-2 text-base font-semibold text-slate-900">
        {title} <span className="font-normal text-slate-500">({people.length})</span>
      </h2>
      {people.length === 0 ? (
        <p className="text-sm text-slate-500">Nobody.</p>
      ) : (
        <ul className="space-y-1 text-sm text-slate-800">
          {people.map((p) => (
            <li key={p.id}>{p.name}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function AnnouncementReport() {
  const { report, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const sentAt = dateTime(report.sentAt, useDateStyle(timeZone));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/broadcasts" className="text-brand-700 hover:underline">
          ← Broadcasts
        </Link>
      </p>
      <PageHeader title="Announcement report" description={`Sent ${sentAt}`} />
      <blockquote className="mb-6 whitespace-pre-wrap rounded-xl bg-white p-5 text-sm text-slate-800 shadow-sm ring-1 ring-slate-200">
        {report.body}
      </blockquote>
      <p className="mb-4 text-lg font-semibold text-slate-900" data-testid="read-count">
        {report.readCount} of {report.delivered} read
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-3">
          <People title="Not read yet" people={report.unread} />
          {report.unread.length > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="remind" />
              <Button disabled={busy}>Resend to those who haven't read it</Button>
            </Form>
          ) : null}
          {result ? (
            <div role="status">
              <Alert tone={result.ok ? "info" : "error"}>{result.message}</Alert>
            </div>
          ) : null}
        </div>
        <People title="Read" people={report.read} />
      </div>
    </>
  );
}
