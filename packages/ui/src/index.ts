/** @hearth/ui: components and the browser tRPC client both apps share. */
export { trpc, TrpcProvider } from "./trpc";
export { Alert, Button, Field } from "./components/form";
export { LoginPage, InvitePage } from "./components/auth-pages";
export { AppShell, PageHeader, EmptyState, type NavItem } from "./components/shell";
export { ErrorPage } from "./components/error-page";
export { InboxList } from "./components/inbox-list";
export { AppDocument } from "./components/document";
