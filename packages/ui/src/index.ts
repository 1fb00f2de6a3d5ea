/** @hearth/ui: components and the browser tRPC client both apps share. */

export { InvitePage, LoginPage } from "./components/auth-pages";
export { AppDocument } from "./components/document";
export { ErrorPage } from "./components/error-page";
export { Alert, Button, Field } from "./components/form";
export { AppShell, EmptyState, type NavItem, PageHeader } from "./components/shell";
export { ConversationList } from "./messenger/conversation-list";
export { MessengerLayout } from "./messenger/layout";
export { LiveUpdates } from "./messenger/live-updates";
export { NewConversation } from "./messenger/new-conversation";
export { ThreadView } from "./messenger/thread-view";
export { TrpcProvider, trpc } from "./trpc";
