import { TemplatesPage } from "@hearth/ui";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { requireManagerUser } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Templates · Hearth" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireManagerUser(request);
  const { capabilities } = await api.policy.capabilities();
  const useTemplates = capabilities.useTemplates;
  if (!useTemplates) throw new Response("Not found", { status: 404 });
  const list = useTemplates.allowed ? await api.templates.list() : null;
  return data({ useTemplates, list }, { headers });
}

export default function Templates() {
  return <TemplatesPage />;
}
