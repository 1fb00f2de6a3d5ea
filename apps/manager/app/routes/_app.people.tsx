import { Alert, Button, Field, PageHeader, trpc } from "@hearth/ui";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { problemOf, requireManagerUser } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "People · Hearth" }];

const kindLabels = {
  manager: "Team",
  resident: "Resident",
  service_pro: "Service pro",
  owner: "Owner",
  operator: "Operator",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireManagerUser(request);
  const [people, pending] = await Promise.all([api.directory.people(), api.invitations.pending()]);
  return data({ people, pending }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireManagerUser(request);
  const form = await request.formData();
  const input = {
    email: String(form.get("email") ?? ""),
    displayName: String(form.get("displayName") ?? ""),
    kind: String(form.get("kind") ?? "") as "resident",
  };
  try {
    await api.invitations.create(input);
    return data(
      {
        ok: true as const,
        sentTo: input.email.trim().toLowerCase(),
        message: null,
        fieldErrors: {},
      },
      { headers },
    );
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    return data(
      { ok: false as const, sentTo: null, ...problem.body },
      { status: problem.status, headers },
    );
  }
}

export default function People() {
  const { people, pending } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [search, setSearch] = useState("");
  const searched = trpc.directory.people.useQuery({ search }, { enabled: search.length > 0 });
  const shown = search.length > 0 ? (searched.data ?? []) : people;
  return (
    <>
      <PageHeader
        title="People"
        description="Everyone in your organization and their connection state."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <section className="lg:col-span-2" aria-labelledby="people-heading">
          <h2 id="people-heading" className="sr-only">
            Directory
          </h2>
          <label className="mb-3 block">
            <span className="sr-only">Search people by name</span>
            <input
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="Search by name"
              className="w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
            />
          </label>
          <ul className="divide-y divide-slate-200 rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
            {shown.map((person) => (
              <li key={person.id} className="flex items-center justify-between gap-3 px-4 py-3">
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium text-slate-900">
                    {person.displayName}
                  </p>
                  <p className="truncate text-xs text-slate-500">{person.email}</p>
                </div>
                <div className="flex shrink-0 gap-2 text-xs">
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-slate-700">
                    {person.managerRole === "account_owner"
                      ? "Account owner"
                      : kindLabels[person.kind]}
                  </span>
                  {person.connection === "invited" ? (
                    <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-800">Invited</span>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </section>
        <section
          aria-labelledby="invite-heading"
          className="h-fit rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
        >
          <h2 id="invite-heading" className="text-lg font-semibold text-slate-900">
            Invite someone
          </h2>
          <p className="mb-4 text-sm text-slate-600">
            They receive a link by email to set a password and connect.
          </p>
          <Form method="post" className="space-y-3" noValidate>
            {result?.ok ? <Alert tone="info">Invitation sent to {result.sentTo}.</Alert> : null}
            {result && !result.ok && result.message && !Object.keys(result.fieldErrors).length ? (
              <Alert>{result.message}</Alert>
            ) : null}
            <Field
              label="Name"
              name="displayName"
              required
              errors={result?.ok ? undefined : result?.fieldErrors.displayName}
            />
            <Field
              label="Email"
              name="email"
              type="email"
              required
              errors={result?.ok ? undefined : result?.fieldErrors.email}
            />
            <div className="space-y-1">
              <label htmlFor="field-kind" className="block text-sm font-medium text-slate-700">
                Role
              </label>
              <select
                id="field-kind"
                name="kind"
                className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
              >
                <option value="resident">Resident</option>
                <option value="service_pro">Service pro</option>
                <option value="owner">Owner</option>
                <option value="manager">Team member (sub-user)</option>
              </select>
            </div>
            <Button className="w-full" disabled={busy}>
              {busy ? "Sending…" : "Send invitation"}
            </Button>
          </Form>
          {pending.length ? (
            <div className="mt-5">
              <h3 className="text-sm font-semibold text-slate-800">Waiting to connect</h3>
              <ul className="mt-2 space-y-1 text-sm text-slate-600">
                {pending.map((p) => (
                  <li key={p.id}>{p.email}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      </div>
    </>
  );
}
