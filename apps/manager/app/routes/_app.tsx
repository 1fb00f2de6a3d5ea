import {
  AppShell,
  BellButton,
  DateStyleProvider,
  LiveUpdates,
  type NavItem,
  NotificationCenter,
  trpc,
  ViewerProvider,
} from "@hearth/ui";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { requireManagerUser } from "~/shared.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, user, organization, headers } = await requireManagerUser(request);
  if (user.kind !== "manager")
    return data(
      { user, organization, unread: 0, policy: null, renderedAt: Date.now() },
      { headers },
    );
  const [unread, policy] = await Promise.all([
    api.conversations.unreadTotal(),
    api.policy.capabilities(),
  ]);
  return data({ user, organization, unread, policy, renderedAt: Date.now() }, { headers });
}

function ManagerShell() {
  const { user, organization, unread, policy } = useLoaderData<typeof loader>();
  const liveUnread = trpc.conversations.unreadTotal.useQuery(undefined, {
    initialData: unread,
  }).data;
  return (
    <NotificationCenter conversationPath="/inbox" settingsPath="/settings/notifications">
      <AppShell
        appName="Hearth"
        bell={<BellButton />}
        nav={[
          { to: "/inbox", label: "Messages", badge: liveUnread, tab: true },
          ...(policy?.capabilities.scheduleSend?.allowed
            ? [{ to: "/scheduled", label: "Scheduled" }]
            : []),
          ...(policy?.capabilities.useTemplates?.allowed
            ? [{ to: "/templates", label: "Templates" }]
            : []),
          ...(policy?.capabilities.configureAutoResponse?.allowed ||
          policy?.capabilities.useSignature?.allowed
            ? [{ to: "/settings/messaging", label: "Message settings" }]
            : []),
          { to: "/maintenance", label: "Maintenance", tab: true },
          // Shown when off too: the page says who can turn broadcasts on.
          { to: "/broadcasts", label: "Broadcasts" },
          ...(policy?.capabilities.viewBoard?.allowed
            ? [{ to: "/board", label: "Message board" }]
            : []),
          { to: "/people", label: "People", tab: true },
          { to: "/properties", label: "Properties" },
          // Shown to every manager: the page says who may change what.
          { to: "/settings", label: "Settings", end: true },
          { to: "/account", label: "My account" },
        ]}
        userName={user.displayName}
        search
        subtitle={organization?.name ?? ""}
      >
        {policy ? (
          <ViewerProvider userId={user.id} policy={policy}>
            <LiveUpdates />
            <Outlet />
          </ViewerProvider>
        ) : (
          <Outlet />
        )}
      </AppShell>
    </NotificationCenter>
  );
}

export default function ManagerLayout() {
  const { user, organization, renderedAt } = useLoaderData<typeof loader>();
  return (
    <DateStyleProvider
      chosenTimeZone={user.timeZone}
      organizationTimeZone={organization?.timezone}
      renderedAt={renderedAt}
    >
      {user.kind === "manager" ? <ManagerShell /> : <OperatorShell />}
    </DateStyleProvider>
  );
}

function OperatorShell() {
  const { user } = useLoaderData<typeof loader>();
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
