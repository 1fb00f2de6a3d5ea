import { AppShell, LiveUpdates, type NavItem, trpc } from "@hearth/ui";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { requireManagerUser } from "~/shared.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, user, organization, headers } = await requireManagerUser(request);
  if (user.kind !== "manager")
    return data({ user, organization, unread: 0, canBroadcast: false }, { headers });
  const [unread, policy] = await Promise.all([
    api.conversations.unreadTotal(),
    api.policy.capabilities(),
  ]);
  const canBroadcast = policy.capabilities.sendBroadcast?.allowed === true;
  return data({ user, organization, unread, canBroadcast }, { headers });
}

function ManagerShell() {
  const { user, organization, unread, canBroadcast } = useLoaderData<typeof loader>();
  const liveUnread = trpc.conversations.unreadTotal.useQuery(undefined, {
    initialData: unread,
  }).data;
  return (
    <AppShell
      appName="Hearth"
      nav={[
        { to: "/inbox", label: "Messages", badge: liveUnread },
        ...(canBroadcast ? [{ to: "/broadcasts", label: "Broadcasts" }] : []),
        { to: "/people", label: "People" },
        { to: "/properties", label: "Properties" },
        { to: "/account", label: "My account" },
      ]}
      userName={user.displayName}
      search
      subtitle={organization?.name ?? ""}
    >
      <LiveUpdates />
      <Outlet />
    </AppShell>
  );
}

export default function ManagerLayout() {
  const { user } = useLoaderData<typeof loader>();
  if (user.kind === "manager") return <ManagerShell />;
  const nav: NavItem[] = [
    { to: "/operator", label: "Organizations", end: true },
    { to: "/operator/audit", label: "Audit log" },
    { to: "/account", label: "My account" },
  ];
  return (
    <AppShell appName="Hearth" nav={nav} userName={user.displayName} subtitle="Platform operator">
      <Outlet />
    </AppShell>
  );
}
