import { InboxList, PageHeader } from "@hearth/ui";
import { rethrowAsResponse } from "@hearth/ui/server";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireResidentUser } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Messages · Hearth" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, organization, headers } = await requireResidentUser(request);
  const rows = await api.inbox.list().catch(rethrowAsResponse);
  return data(
    { rows, timeZone: organization?.timezone ?? "UTC", organizationName: organization?.name ?? "" },
    { headers },
  );
}

export default function Messages() {
  const { rows, timeZone, organizationName } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Messages" description={`Your conversations with ${organizationName}.`} />
      <InboxList rows={rows} timeZone={timeZone} />
    </>
  );
}
