import { ScheduledPage } from "@hearth/ui";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { requireManagerUser } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Scheduled · Hearth" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, organization, headers } = await requireManagerUser(request);
  const scheduled = organization ? await api.scheduled.list() : [];
  return data({ scheduled, timeZone: organization?.timezone ?? "UTC" }, { headers });
}

export default function Scheduled() {
  return <ScheduledPage threadPath="/inbox" />;
}
