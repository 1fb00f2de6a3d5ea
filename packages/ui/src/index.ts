/** @hearth/ui: components and the browser tRPC client both apps share. */

export { AccountPage } from "./account/account-page";
export { AnnouncementPinFields } from "./announcements/pin-fields";
export { FormAttachments } from "./attachments/form-attachments";
export { MessageAttachments, type MessageFile } from "./attachments/message-attachments";
export { useUploads } from "./attachments/use-uploads";
export { MessageSettingsPage } from "./auto-response/message-settings-page";
export { BoardIndexPage, BoardPage, BoardPostPage } from "./board/pages";
export { InvitePage, LoginPage } from "./components/auth-pages";
export { AppDocument } from "./components/document";
export { ErrorPage, InFrameErrorPage } from "./components/error-page";
export { Alert, Button, Field } from "./components/form";
export { ForgotPasswordPage, ResetPasswordPage } from "./components/password-reset-pages";
export { AppShell, EmptyState, type NavItem, PageHeader } from "./components/shell";
export { DateStyleProvider, useDateStyle } from "./dates/date-style";
export { type HistoryEntry, RequestHistory } from "./maintenance/request-history";
export {
  ageOf,
  isMaintenanceStatus,
  maintenanceStatusLabels,
  PriorityBadge,
  StatusBadge,
} from "./maintenance/status";
export { dateTime, mediumDate, shortTime } from "./messenger/format";
export { LiveUpdates } from "./messenger/live-updates";
export {
  ConversationPage,
  MessengerPage,
  NewConversationPage,
  NoConversationPage,
} from "./messenger/pages";
export { ViewerProvider } from "./messenger/viewer";
export { BellButton, NotificationCenter } from "./notifications/notification-center";
export { NotificationSettingsPage } from "./notifications/settings-page";
export { UnsubscribePage } from "./notifications/unsubscribe-page";
export {
  type OrganizationSettingsLoaderData,
  OrganizationSettingsPage,
} from "./organization-settings/organization-settings-page";
export { BroadcastScheduleField } from "./scheduled/broadcast-schedule-field";
export { ScheduledPage } from "./scheduled/scheduled-page";
export { SearchPage } from "./search/search-page";
export { TemplatesPage } from "./templates/templates-page";
export { TrpcProvider, trpc } from "./trpc";
