import { PageHeader } from "@hearth/ui";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireResidentUser } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "My account · Hearth" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, organization, headers } = await requireResidentUser(request);
  return data({ user, organization }, { headers });
}

export default function Account() {
  const { user, organization } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="My account" />
      <dl className="grid max-w-lg grid-cols-3 gap-3 rounded-xl bg-white p-5 text-sm shadow-sm ring-1 ring-slate-200">
        <dt className="text-slate-500">Name</dt>
        <dd className="col-span-2 text-slate-900">{user.displayName}</dd>
        <dt className="text-slate-500">Email</dt>
        <dd className="col-span-2 text-slate-900">{user.email}</dd>
        <dt className="text-slate-500">Managed by</dt>
        <dd className="col-span-2 text-slate-900">{organization?.name}</dd>
      </dl>
    </>
  );
}
