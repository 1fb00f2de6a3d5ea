import {
  AppShell,
  BellButton,
  DateStyleProvider,
  LiveUpdates,
  NotificationCenter,
  trpc,
  ViewerProvider,
} from "@hearth/ui";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { requireResidentUser } from "~/shared.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, user, organization, headers } = await requireResidentUser(request);
  const [unread, policy] = await Promise.all([
    api.conversations.unreadTotal(),
    api.policy.capabilities(),
  ]);
  return data({ user, organization, unread, policy, renderedAt: Date.now() }, { headers });
}

const roleNames = { resident: "Resident", service_pro: "Service pro", owner: "Owner" } as const;

export default function ResidentLayout() {
  const { user, organization, unread, policy, renderedAt } = useLoaderData<typeof loader>();
  const liveUnread = trpc.conversations.unreadTotal.useQuery(undefined, {
    initialData: unread,
  }).data;
  const role = user.kind in roleNames ? roleNames[user.kind as keyof typeof roleNames] : "";
  return (
    <DateStyleProvider
      chosenTimeZone={user.timeZone}
      organizationTimeZone={organization?.timezone}
      renderedAt={renderedAt}
    >
      <NotificationCenter conversationPath="/messages" settingsPath="/settings/notifications">
        <AppShell
          appName="Hearth"
          bell={<BellButton />}
          nav={[
            { to: "/messages", label: "Messages", badge: liveUnread, tab: true },
            // Only where the policy opens the board; /board itself tells anyone else why not.
            ...(policy.capabilities.viewBoard?.allowed
              ? [{ to: "/board", label: "Message board", tab: true }]
              : []),
            { to: "/maintenance", label: "Maintenance", tab: true },
            { to: "/account", label: "My account" },
          ]}
          userName={user.displayName}
          search
          subtitle={`${role} · ${organization?.name ?? ""}`}
        >
          <ViewerProvider userId={user.id} policy={policy}>
            <LiveUpdates />
            <Outlet />
          </ViewerProvider>
        </AppShell>
      </NotificationCenter>
    </DateStyleProvider>
  );
}
