import { EmptyState, PageHeader } from "@hearth/ui";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireManagerUser } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Properties · Hearth" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireManagerUser(request);
  return data({ properties: await api.directory.properties() }, { headers });
}

export default function Properties() {
  const { properties } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Properties" description="Your properties and their units." />
      {properties.length === 0 ? <EmptyState title="No properties yet" /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {properties.map((property) => (
          <article
            key={property.id}
            className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
          >
            <h2 className="font-semibold text-slate-900">{property.name}</h2>
            {property.address ? <p className="text-sm text-slate-500">{property.address}</p> : null}
            <p className="mt-3 text-xs font-medium uppercase tracking-wide text-slate-500">Units</p>
            <ul className="mt-1 flex flex-wrap gap-2">
              {property.units.map((unit) => (
                <li key={unit.id} className="rounded bg-slate-100 px-2 py-1 text-sm text-slate-700">
                  {unit.name}
                </li>
              ))}
            </ul>
          </article>
        ))}
      </div>
    </>
  );
}
