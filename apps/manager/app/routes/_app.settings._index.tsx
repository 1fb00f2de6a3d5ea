import { OrganizationSettingsPage } from "@hearth/ui";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { requireManagerUser, rethrowAsResponse } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Settings · Hearth" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireManagerUser(request);
  const settings = await api.settings.organization().catch(rethrowAsResponse);
  return data({ settings }, { headers });
}

export default function Settings() {
  return <OrganizationSettingsPage />;
}
