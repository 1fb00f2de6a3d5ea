import { ScheduledPage } from "@hearth/ui";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { requireManagerUser } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Scheduled · Hearth" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, organization, headers } = await requireManagerUser(request);
  const [scheduled, broadcasts] = organization
    ? await Promise.all([api.scheduled.list(), api.broadcasts.scheduled()])
    : [[], []];
  return data({ scheduled, broadcasts, timeZone: organization?.timezone ?? "UTC" }, { headers });
}

export default function Scheduled() {
  return <ScheduledPage threadPath="/inbox" />;
}
