import { AppShell } from "@hearth/ui";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { requireResidentUser } from "~/shared.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, user, organization, headers } = await requireResidentUser(request);
  const unread = (await api.inbox.list()).reduce((sum, c) => sum + c.unread, 0);
  return data({ user, organization, unread }, { headers });
}

const roleNames = { resident: "Resident", service_pro: "Service pro", owner: "Owner" } as const;

export default function ResidentLayout() {
  const { user, organization, unread } = useLoaderData<typeof loader>();
  const role = user.kind in roleNames ? roleNames[user.kind as keyof typeof roleNames] : "";
  return (
    <AppShell
      appName="Hearth"
      nav={[
        { to: "/messages", label: "Messages", badge: unread },
        { to: "/account", label: "My account" },
      ]}
      userName={user.displayName}
      subtitle={`${role} · ${organization?.name ?? ""}`}
    >
      <Outlet />
    </AppShell>
  );
}
