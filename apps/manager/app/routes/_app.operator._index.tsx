import { EmptyState, PageHeader } from "@hearth/ui";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireManagerUser, rethrowAsResponse } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Organizations · Hearth operator" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireManagerUser(request);
  const organizations = await api.operator.organizations().catch(rethrowAsResponse);
  return data({ organizations }, { headers });
}

/** `/operator`: every organization with its profile; each links to its console page. */
export default function OrganizationList() {
  const { organizations } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Organizations"
        description="Every customer and the policy profile it runs under. Open one to switch its profile or change its overrides."
      />
      {organizations.length === 0 ? (
        <EmptyState title="No organizations yet" />
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Customer organizations</caption>
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Organization
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Policy profile
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Overrides
                </th>
                <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">
                  Mode
                </th>
                <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">
                  People
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {organizations.map((org) => (
                <tr key={org.id}>
                  <th scope="row" className="px-4 py-2 text-left font-medium">
                    <Link
                      to={`/operator/${org.id}`}
                      className="rounded text-brand-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
                    >
                      {org.name}
                    </Link>
                  </th>
                  <td className="px-4 py-2">
                    <code className="rounded bg-slate-100 px-1.5 py-0.5">{org.policyProfile}</code>
                  </td>
                  <td className="px-4 py-2 text-slate-600">
                    {org.overrideCount === 0 ? (
                      <span>None</span>
                    ) : (
                      <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-800">
                        {org.overrideCount} {org.overrideCount === 1 ? "override" : "overrides"}
                      </span>
                    )}
                  </td>
                  <td className="hidden px-4 py-2 text-slate-600 sm:table-cell">
                    {org.mode === "landlord" ? "Landlord" : "Property manager"}
                  </td>
                  <td className="hidden px-4 py-2 text-slate-600 sm:table-cell">{org.people}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
