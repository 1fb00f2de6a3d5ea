import { MessageSettingsPage } from "@hearth/ui";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { requireManagerUser } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Message settings · Hearth" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireManagerUser(request);
  const [autoResponses, signature] = await Promise.all([
    api.autoResponses.get(),
    api.signature.get(),
  ]);
  return data({ autoResponses, signature }, { headers });
}

export default function MessageSettings() {
  return <MessageSettingsPage />;
}
