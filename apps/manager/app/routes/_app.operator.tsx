import { PageHeader } from "@hearth/ui";
import { rethrowAsResponse } from "@hearth/ui/server";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireManagerUser } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Organizations · Hearth operator" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireManagerUser(request);
  const organizations = await api.operator.organizations().catch(rethrowAsResponse);
  return data({ organizations }, { headers });
}

export default function Operator() {
  const { organizations } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Organizations"
        description="Every customer and the policy profile it runs under."
      />
      <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Organization
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Policy profile
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Mode
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                People
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {organizations.map((org) => (
              <tr key={org.id}>
                <td className="px-4 py-2 font-medium text-slate-900">{org.name}</td>
                <td className="px-4 py-2">
                  <code className="rounded bg-slate-100 px-1.5 py-0.5">{org.policyProfile}</code>
                </td>
                <td className="px-4 py-2 text-slate-600">
                  {org.mode === "landlord" ? "Landlord" : "Property manager"}
                </td>
                <td className="px-4 py-2 text-slate-600">{org.people}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
