import { InboxList, PageHeader } from "@hearth/ui";
import { rethrowAsResponse } from "@hearth/ui/server";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireManagerUser } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Inbox · Hearth" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, organization, headers } = await requireManagerUser(request);
  const rows = await api.inbox.list().catch(rethrowAsResponse);
  return data({ rows, timeZone: organization?.timezone ?? "UTC" }, { headers });
}

export default function Inbox() {
  const { rows, timeZone } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Inbox"
        description="Conversations with residents, service pros, owners and your team."
      />
      <InboxList rows={rows} timeZone={timeZone} />
    </>
  );
}
