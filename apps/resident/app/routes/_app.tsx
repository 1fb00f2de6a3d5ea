import { AppShell, LiveUpdates, trpc } from "@hearth/ui";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { requireResidentUser } from "~/shared.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, user, organization, headers } = await requireResidentUser(request);
  return data({ user, organization, unread: await api.conversations.unreadTotal() }, { headers });
}

const roleNames = { resident: "Resident", service_pro: "Service pro", owner: "Owner" } as const;

export default function ResidentLayout() {
  const { user, organization, unread } = useLoaderData<typeof loader>();
  const liveUnread = trpc.conversations.unreadTotal.useQuery(undefined, {
    initialData: unread,
  }).data;
  const role = user.kind in roleNames ? roleNames[user.kind as keyof typeof roleNames] : "";
  return (
    <AppShell
      appName="Hearth"
      nav={[
        { to: "/messages", label: "Messages", badge: liveUnread },
        { to: "/maintenance", label: "Maintenance" },
        { to: "/account", label: "My account" },
      ]}
      userName={user.displayName}
      search
      subtitle={`${role} · ${organization?.name ?? ""}`}
    >
      <LiveUpdates />
      <Outlet />
    </AppShell>
  );
}
