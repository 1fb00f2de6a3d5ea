/** @hearth/ui: components and the browser tRPC client both apps share. */

export { InvitePage, LoginPage } from "./components/auth-pages";
export { AppDocument } from "./components/document";
export { ErrorPage } from "./components/error-page";
export { Alert, Button, Field } from "./components/form";
export { InboxList } from "./components/inbox-list";
export { AppShell, EmptyState, type NavItem, PageHeader } from "./components/shell";
export { TrpcProvider, trpc } from "./trpc";
