import { AppShell, type NavItem } from "@hearth/ui";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { requireManagerUser } from "~/shared.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, user, organization, headers } = await requireManagerUser(request);
  const unread =
    user.kind === "manager" ? (await api.inbox.list()).reduce((sum, c) => sum + c.unread, 0) : 0;
  return data({ user, organization, unread }, { headers });
}

export default function ManagerLayout() {
  const { user, organization, unread } = useLoaderData<typeof loader>();
  const nav: NavItem[] =
    user.kind === "operator"
      ? [{ to: "/operator", label: "Organizations" }]
      : [
          { to: "/inbox", label: "Inbox", badge: unread },
          { to: "/people", label: "People" },
          { to: "/properties", label: "Properties" },
        ];
  return (
    <AppShell
      appName="Hearth"
      nav={nav}
      userName={user.displayName}
      subtitle={organization?.name ?? "Platform operator"}
    >
      <Outlet />
    </AppShell>
  );
}
