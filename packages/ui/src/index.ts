/** @hearth/ui: components and the browser tRPC client both apps share. */

export { AccountPage } from "./account/account-page";
export { InvitePage, LoginPage } from "./components/auth-pages";
export { AppDocument } from "./components/document";
export { ErrorPage } from "./components/error-page";
export { Alert, Button, Field } from "./components/form";
export { ForgotPasswordPage, ResetPasswordPage } from "./components/password-reset-pages";
export { AppShell, EmptyState, type NavItem, PageHeader } from "./components/shell";
export { LiveUpdates } from "./messenger/live-updates";
export {
  ConversationPage,
  MessengerPage,
  NewConversationPage,
  NoConversationPage,
} from "./messenger/pages";
export { SearchPage } from "./search/search-page";
export { TrpcProvider, trpc } from "./trpc";
