import { AppDocument, ErrorPage, TrpcProvider } from "@hearth/ui";
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import type { ReactNode } from "react";
import { routes } from "./shared.server";
import stylesheet from "./tailwind.css?url";

export const loader = routes.document;
// Only the nonce comes from here, and the page keeps the one it was served with.
export const shouldRevalidate = () => false;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta: MetaFunction = () => [{ title: "Hearth for managers" }];

export function Layout({ children }: { children: ReactNode }) {
  return <AppDocument>{children}</AppDocument>;
}

export default function App() {
  return (
    <TrpcProvider>
      <Outlet />
    </TrpcProvider>
  );
}

export const ErrorBoundary = ErrorPage;
