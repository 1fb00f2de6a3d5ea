/**
 * Kysely table interfaces: the database as the code sees it. Use the `Selectable` /
 * `Insertable` / `Updateable` row aliases below, never a table interface as a row type.
 */
import type {
  ColumnType,
  Generated,
  Insertable,
  JSONColumnType,
  Selectable,
  Updateable,
} from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
/** Dates without time (lease terms) are kept as ISO `YYYY-MM-DD` strings. */
type DateOnly = ColumnType<string, string, string>;
type NullableDateOnly = ColumnType<string | null, string | null | undefined, string | null>;
/** bigint identity columns; the pool parses int8 into a JS number (safe below 2^53). */
type Identity = ColumnType<number, never, never>;

export const userKinds = ["manager", "resident", "service_pro", "owner", "operator"] as const;
export type UserKind = (typeof userKinds)[number];
export const managerRoles = ["account_owner", "sub_user"] as const;
export type ManagerRole = (typeof managerRoles)[number];
export const conversationKinds = [
  "direct",
  "unit_group",
  "team",
  "maintenance",
  "broadcast",
] as const;
export type ConversationKind = (typeof conversationKinds)[number];
export const messageTypes = [
  "general",
  "maintenance",
  "payment_reminder",
  "lease",
  "event",
  "document_request",
] as const;
export type MessageType = (typeof messageTypes)[number];
export const priorities = ["normal", "high"] as const;
/** Where a maintenance request stands, in the order it moves. */
export const maintenanceStatuses = ["new", "in_progress", "waiting", "done"] as const;
export type MaintenanceStatus = (typeof maintenanceStatuses)[number];
export type Priority = (typeof priorities)[number];
/** Where a conversation sits in a viewer's inbox (seed 001's channels, plus announcements). */
export const inboxChannels = [
  "team",
  "tenants",
  "service_pros",
  "owners",
  "maintenance",
  "announcements",
] as const;
export type InboxChannel = (typeof inboxChannels)[number];
export const appKinds = ["manager", "resident"] as const;
export type AppKind = (typeof appKinds)[number];
export type OrganizationMode = "landlord" | "property_manager";
export type ConnectionStatus = "invited" | "connected";

export interface BusinessHours {
  /** 0 = Sunday … 6 = Saturday */
  days: number[];
  /** "HH:MM" in the organization's timezone */
  opens: string;
  closes: string;
}

export interface OrganizationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  policy_profile: string;
  policy_overrides: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  /** Migration 0017: the knobs the customer chose on their own Settings page. */
  customer_settings: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  /** Migration 0017: the operator set `mode`; the customer's page shows it fixed. */
  mode_fixed_by_operator: ColumnType<boolean, boolean | undefined, boolean>;
  mode: ColumnType<OrganizationMode, OrganizationMode | undefined, OrganizationMode>;
  timezone: Generated<string>;
  business_hours: JSONColumnType<BusinessHours | null, string | null | undefined, string | null>;
  /** Migration 0012: ISO days ("2026-12-25") the organization is closed all day. */
  holidays: JSONColumnType<string[], string | undefined, string>;
  /** Bumped by every change of the policy settings; a save carrying an older one is stale. */
  settings_version: Generated<number>;
  /** Where replies to notification emails go; null: the account owner's address. */
  notification_reply_to: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  organization_id: string | null;
  email: string;
  display_name: string;
  kind: UserKind;
  manager_role: ManagerRole | null;
  permissions: ColumnType<string[], string[] | undefined, string[]>;
  password_hash: string | null;
  phone: string | null;
  timezone: string | null;
  member_status: ColumnType<"active" | "inactive", "active" | "inactive" | undefined>;
  plan: string | null;
  /** Base32 TOTP secret; null: no two-factor sign-in. In force once `totp_enabled_at` is set. */
  totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
  totp_enabled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The newest 30-second step a code was accepted for: each code is good once. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PropertiesTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  address: string | null;
  created_at: Generated<Date>;
}

export interface UnitsTable {
  id: Generated<string>;
  organization_id: string;
  property_id: string;
  name: string;
  created_at: Generated<Date>;
}

export interface LeasesTable {
  id: Generated<string>;
  organization_id: string;
  unit_id: string;
  starts_on: DateOnly;
  ends_on: NullableDateOnly;
  created_at: Generated<Date>;
}

export interface LeaseResidentsTable {
  lease_id: string;
  user_id: string;
  organization_id: string;
}

export interface ConnectionsTable {
  organization_id: string;
  user_id: string;
  status: ConnectionStatus;
  invited_by: string | null;
  invited_at: Generated<Date>;
  connected_at: NullableTimestamp;
}

export interface InvitationsTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  token_hash: string;
  created_by: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
}

export interface MaintenanceRequestsTable {
  id: Generated<string>;
  organization_id: string;
  property_id: string;
  unit_id: string | null;
  submitted_by: string;
  title: string;
  description: Generated<string>;
  status: ColumnType<MaintenanceStatus, MaintenanceStatus | undefined>;
  priority: ColumnType<Priority, Priority | undefined>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Migration 0010: a request's history, one row per status change or share. */
export interface MaintenanceRequestUpdatesTable {
  id: Identity;
  organization_id: string;
  request_id: string;
  author_id: string | null;
  kind: "status" | "shared";
  /** Set for a status change. */
  status: MaintenanceStatus | null;
  /** Set for a share: who the request was shared with. */
  shared_with: string | null;
  created_at: Generated<Date>;
}

export interface ConversationsTable {
  id: Generated<string>;
  organization_id: string;
  kind: ConversationKind;
  title: string | null;
  unit_id: string | null;
  maintenance_request_id: string | null;
  created_by: string | null;
  no_reply: Generated<boolean>;
  /** Migration 0010: the announcement this private conversation answers. */
  replies_to: ColumnType<string | null, string | null | undefined, string | null>;
  last_message_at: Timestamp;
  created_at: Generated<Date>;
  /** Migration 0018: an announcement pinned to its recipients' inbox until then. */
  pinned_until: NullableTimestamp;
  /** Migration 0018: when an announcement leaves its recipients' inbox lists. */
  expires_at: NullableTimestamp;
  /** Migration 0019: the manager handling it in the team inbox, and since when. */
  assignee_id: ColumnType<string | null, string | null | undefined, string | null>;
  assigned_at: NullableTimestamp;
  /** Migration 0019: handled (closed) at, and by whom; a new message reopens it. */
  closed_at: NullableTimestamp;
  closed_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ConversationParticipantsTable {
  conversation_id: string;
  user_id: string;
  organization_id: string;
  joined_at: Generated<Date>;
  last_read_message_id: ColumnType<number, number | undefined, number>;
  last_read_at: NullableTimestamp;
  archived_at: NullableTimestamp;
  muted: Generated<boolean>;
  /*
   * Migration 0004: what the inbox shows, kept by the API's write path. On insert a trigger fills
   * them in from the conversation and its messages, so they take no value there.
   */
  /** The conversation's `last_message_at`, copied: the inbox's sort key. */
  last_message_at: ColumnType<Date, never, Date>;
  /** Sent, undeleted messages by others after the read pointer (and those of high priority). */
  unread_count: ColumnType<number, never, number>;
  unread_high_count: ColumnType<number, never, number>;
  /** Sent, undeleted high-priority messages of the conversation. */
  high_count: ColumnType<number, never, number>;
  /** The viewer's inbox channel, from the conversation's kind and its people. */
  channel: ColumnType<InboxChannel, never, InboxChannel>;
  /** Migration 0019: joined from the team inbox without writing; residents don't see them. */
  watching: Generated<boolean>;
}

/** Migration 0019: internal notes of the team inside a conversation; residents never see them. */
export interface ConversationNotesTable {
  id: Identity;
  organization_id: string;
  conversation_id: string;
  author_id: string | null;
  client_id: string;
  body: string;
  created_at: Generated<Date>;
}

export interface MessagesTable {
  id: Identity;
  organization_id: string;
  conversation_id: string;
  sender_id: string | null;
  client_id: string | null;
  body: string;
  type: ColumnType<MessageType, MessageType | undefined>;
  priority: ColumnType<Priority, Priority | undefined>;
  copy_to_email: Generated<boolean>;
  scheduled_for: NullableTimestamp;
  sent_at: NullableTimestamp;
  /** Migration 0012: why a scheduled message was not sent when its time came. */
  schedule_refusal: ColumnType<string | null, string | null | undefined, string | null>;
  /** Migration 0012: an auto-response; never answered by another. */
  automatic: Generated<boolean>;
  /** Migration 0012: the sender's signature when it went, shown apart from the body. */
  signature: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  edited_at: NullableTimestamp;
  deleted_at: NullableTimestamp;
  /** Migration 0013: the names of the message's files, written when they are attached. */
  file_names: ColumnType<string | null, string | null | undefined, string | null>;
  /**
   * The English tsvector of the body and the file names, kept by Postgres (migrations 0007,
   * 0013); only search reads it.
   */
  search_vector: ColumnType<string, never, never>;
}

export interface MessageRevisionsTable {
  id: Identity;
  organization_id: string;
  message_id: number;
  body: string;
  revised_by: string | null;
  revised_at: Generated<Date>;
  action: "edit" | "delete";
}

export interface MentionsTable {
  message_id: number;
  user_id: string;
  organization_id: string;
}

export type BoardCategory =
  | "notice"
  | "announcement"
  | "job"
  | "for_sale"
  | "wanted"
  | "lost_found";

export interface BoardPostsTable {
  id: Generated<string>;
  organization_id: string;
  property_id: string | null;
  author_id: string | null;
  category: ColumnType<BoardCategory, BoardCategory | undefined>;
  title: string;
  body: string;
  comments_enabled: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  deleted_at: NullableTimestamp;
  /** Migration 0009: pinned posts are listed first. */
  pinned_at: NullableTimestamp;
  /** Migration 0009: a resident's post no manager has approved yet. */
  awaiting_approval: Generated<boolean>;
}

export interface BoardCommentsTable {
  id: Generated<string>;
  organization_id: string;
  post_id: string;
  author_id: string | null;
  body: string;
  created_at: Generated<Date>;
  seen_by_manager_at: NullableTimestamp;
  deleted_at: NullableTimestamp;
  /** Migration 0009: hidden by a manager; residents no longer see it. */
  hidden_at: NullableTimestamp;
}

export interface AttachmentsTable {
  id: Generated<string>;
  organization_id: string;
  uploader_id: string | null;
  message_id: number | null;
  board_post_id: string | null;
  /** Migration 0013: a photo of a maintenance request (with `message_id` when its thread shows it). */
  maintenance_request_id: string | null;
  /** Migration 0013: a file of a board comment. */
  board_comment_id: string | null;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  storage_key: string;
  created_at: Generated<Date>;
}

/** Migration 0012: an auto-response that went out, once per conversation, responder and period. */
export interface AutoResponsesTable {
  organization_id: string;
  conversation_id: string;
  responder_id: string;
  period: string;
  created_at: Generated<Date>;
}

export interface TemplatesTable {
  id: Generated<string>;
  organization_id: string;
  owner_id: string | null;
  name: string;
  body: string;
  type: ColumnType<MessageType, MessageType | undefined>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UserSettingsTable {
  user_id: string;
  organization_id: string;
  notify_email: Generated<boolean>;
  notify_sms: Generated<boolean>;
  notify_push: Generated<boolean>;
  notify_desktop: Generated<boolean>;
  signature: string | null;
  auto_response_enabled: Generated<boolean>;
  auto_response_body: string | null;
  business_hours: JSONColumnType<BusinessHours | null, string | null | undefined, string | null>;
  /** Migration 0012: the person's vacation reply and the time it applies. */
  vacation_starts_at: NullableTimestamp;
  vacation_ends_at: NullableTimestamp;
  vacation_body: ColumnType<string | null, string | null | undefined, string | null>;
  maintenance_threads_enabled: Generated<boolean>;
  updated_at: Generated<Date>;
  /** Migration 0011: per kind, the channels switched off (`{ broadcast: { email: false } }`). */
  notification_kinds: JSONColumnType<NotificationKindSwitches, string | undefined, string>;
  /** "HH:MM" in the person's time zone; both set or both null. */
  quiet_hours_start: ColumnType<string | null, string | null | undefined, string | null>;
  quiet_hours_end: ColumnType<string | null, string | null | undefined, string | null>;
  email_delay_minutes: Generated<number>;
  notification_sound: Generated<boolean>;
  /** When the person last opened the notifications dialog. */
  notifications_seen_at: NullableTimestamp;
  /** Migration 0015: the person's mobile number (E.164), and when it texted STOP (START clears). */
  sms_phone: ColumnType<string | null, string | null | undefined, string | null>;
  sms_stopped_at: NullableTimestamp;
}

/** Per notification kind, the channels a person switched off; a channel not named is on. */
export type NotificationKindSwitches = Partial<Record<string, Partial<Record<string, boolean>>>>;

/** Migration 0011: every sent message, until the email digest job has dealt with it. */
export interface EmailNotificationQueueTable {
  message_id: number;
  queued_at: Generated<Date>;
}

/** Migration 0011: whom the digest job dealt with for which message; false: nothing to send. */
export interface EmailNotificationDigestsTable {
  user_id: string;
  message_id: number;
  emailed: boolean;
}

/** Migration 0011: secrets generated once and kept (e.g. "unsubscribe"). */
export interface SigningKeysTable {
  name: string;
  secret: string;
  created_at: Generated<Date>;
}

/** Migration 0016: a browser's Web Push subscription, per person. */
export interface PushSubscriptionsTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: Generated<Date>;
  last_sent_at: NullableTimestamp;
}

/** Migration 0016: a message the push service accepted for a subscription. */
export interface PushDeliveriesTable {
  organization_id: string;
  subscription_id: string;
  message_id: number;
  sent_at: Generated<Date>;
}

export const smsCategories = ["emergency", "operational", "marketing"] as const;
export type SmsCategory = (typeof smsCategories)[number];

/** Migration 0015: whether a person agreed to texts of a category; no row is no consent. */
export interface SmsConsentsTable {
  organization_id: string;
  user_id: string;
  category: SmsCategory;
  granted: boolean;
  updated_at: Generated<Date>;
}

/** Migration 0015: every SMS opt-in and opt-out, append-only; category null is all of them. */
export interface SmsConsentLedgerTable {
  id: Identity;
  organization_id: string;
  user_id: string;
  phone: string;
  category: SmsCategory | null;
  action: "opt_in" | "opt_out";
  source: "settings" | "sms_reply";
  detail: string | null;
  created_at: Generated<Date>;
}

export type OutboundSmsStatus = "queued" | "sent" | "failed" | "cancelled";

/** Migration 0015: the SMS outbox and delivery log, one row per text, exactly once by key. */
export interface OutboundSmsTable {
  id: Identity;
  organization_id: string;
  user_id: string | null;
  message_id: number | null;
  purpose: "notification" | "reply";
  dedupe_key: string;
  recipient: string;
  body: string;
  status: ColumnType<OutboundSmsStatus, OutboundSmsStatus | undefined>;
  attempts: Generated<number>;
  last_error: string | null;
  provider_id: string | null;
  fallback_email_id: number | null;
  created_at: Generated<Date>;
  sent_at: NullableTimestamp;
}

/** Migration 0017: a broadcast waiting for its time (see the migration for the statuses). */
export interface ScheduledBroadcastsTable {
  id: Generated<string>;
  organization_id: string;
  author_id: string;
  client_id: string;
  audience: JSONColumnType<Record<string, unknown>, string, string>;
  body: string;
  type: MessageType;
  copy_to_email: ColumnType<boolean, boolean | undefined, boolean>;
  send_at: Timestamp;
  status: ColumnType<
    "scheduled" | "sending" | "sent" | "refused",
    "scheduled" | undefined,
    "scheduled" | "sending" | "sent" | "refused"
  >;
  refusal: ColumnType<string | null, string | null | undefined, string | null>;
  conversation_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface NotificationsTable {
  id: Identity;
  organization_id: string;
  user_id: string;
  kind: string;
  conversation_id: string | null;
  message_id: number | null;
  payload: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Generated<Date>;
  read_at: NullableTimestamp;
}

export interface NotificationDeliveriesTable {
  id: Identity;
  organization_id: string;
  notification_id: number;
  channel: "email" | "sms" | "push" | "desktop";
  status: ColumnType<
    "pending" | "sent" | "failed" | "skipped",
    "pending" | "sent" | "failed" | "skipped" | undefined
  >;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: NullableTimestamp;
}

export interface AuditLogTable {
  id: Identity;
  organization_id: string | null;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  before: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  after: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  expires_at: Timestamp;
  app: AppKind;
  created_at: Generated<Date>;
}

export interface SignInAttemptsTable {
  id: Identity;
  email: string;
  ip: string;
  succeeded: boolean;
  created_at: Generated<Date>;
}

export interface DevMailboxTable {
  id: Identity;
  organization_id: string | null;
  channel: "email" | "sms";
  recipient: string;
  subject: string | null;
  body: string;
  /** One row per key: a retried delivery never shows twice. */
  idempotency_key: string | null;
  /** From, Reply-To, List-Unsubscribe and the like, as the message carried them. */
  headers: JSONColumnType<Record<string, string>, string | undefined, string>;
  created_at: Generated<Date>;
}

/** A row of the live event log (see migration 0003). `xid` is a full transaction id (xid8). */
export interface LiveEventsTable {
  id: Identity;
  xid: ColumnType<string, never, never>;
  organization_id: string;
  conversation_id: string | null;
  recipients: ColumnType<string[], string[], string[]>;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  created_at: Generated<Date>;
}

/** An email to send, written in the transaction that causes it (the outbox). */
export interface OutboundEmailsTable {
  id: Identity;
  organization_id: string | null;
  /** What makes two enqueues the same email (e.g. "broadcast:<message>:<user>"). */
  dedupe_key: string;
  recipient: string;
  subject: string;
  body: string;
  /** Display name of the sender (the address stays MAIL_FROM's); null: MAIL_FROM as is. */
  from_name: ColumnType<string | null, string | null | undefined, string | null>;
  reply_to: ColumnType<string | null, string | null | undefined, string | null>;
  headers: JSONColumnType<Record<string, string>, string | undefined, string>;
  created_at: Generated<Date>;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: NullableTimestamp;
}

/** A running job worker (graphile-worker's worker id) and when its process last said it lives. */
export interface WorkerHeartbeatsTable {
  worker_id: string;
  /** host:pid, for whoever reads the table. */
  process: string;
  started_at: Generated<Date>;
  beat_at: Generated<Date>;
}

/**
 * Messages and conversations whose search documents must be brought in line (migration 0007):
 * filled by triggers, drained by the search indexer. Exactly one of the two ids is set.
 */
export interface SearchIndexQueueTable {
  id: Generated<number>;
  message_id: number | null;
  conversation_id: string | null;
  enqueued_at: Generated<Date>;
  run_after: Generated<Date>;
  attempts: Generated<number>;
  last_error: string | null;
}

/** A password reset link (migration 0008): only the token's SHA-256 is kept; good once, until it expires. */
export interface PasswordResetTokensTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

/** Every "forgot password" request, known email or not: what the throttle counts. */
export interface PasswordResetRequestsTable {
  id: Identity;
  email: string;
  ip: string;
  created_at: Generated<Date>;
}

/** View: a resident's leases with their unit and property (migration 0005). */
export interface ResidentLeasesView {
  user_id: string;
  organization_id: string;
  lease_id: string;
  unit_id: string;
  unit_name: string;
  property_id: string;
  property_name: string;
  starts_on: DateOnly;
  ends_on: NullableDateOnly;
}

export interface Database {
  organizations: OrganizationsTable;
  users: UsersTable;
  properties: PropertiesTable;
  units: UnitsTable;
  leases: LeasesTable;
  lease_residents: LeaseResidentsTable;
  connections: ConnectionsTable;
  invitations: InvitationsTable;
  maintenance_requests: MaintenanceRequestsTable;
  maintenance_request_updates: MaintenanceRequestUpdatesTable;
  conversations: ConversationsTable;
  conversation_participants: ConversationParticipantsTable;
  conversation_notes: ConversationNotesTable;
  messages: MessagesTable;
  message_revisions: MessageRevisionsTable;
  mentions: MentionsTable;
  board_posts: BoardPostsTable;
  board_comments: BoardCommentsTable;
  attachments: AttachmentsTable;
  templates: TemplatesTable;
  auto_responses: AutoResponsesTable;
  user_settings: UserSettingsTable;
  notifications: NotificationsTable;
  scheduled_broadcasts: ScheduledBroadcastsTable;
  notification_deliveries: NotificationDeliveriesTable;
  sms_consents: SmsConsentsTable;
  sms_consent_ledger: SmsConsentLedgerTable;
  outbound_sms: OutboundSmsTable;
  audit_log: AuditLogTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  dev_mailbox: DevMailboxTable;
  live_events: LiveEventsTable;
  resident_leases: ResidentLeasesView;
  outbound_emails: OutboundEmailsTable;
  worker_heartbeats: WorkerHeartbeatsTable;
  search_index_queue: SearchIndexQueueTable;
  password_reset_tokens: PasswordResetTokensTable;
  password_reset_requests: PasswordResetRequestsTable;
  email_notification_queue: EmailNotificationQueueTable;
  email_notification_digests: EmailNotificationDigestsTable;
  signing_keys: SigningKeysTable;
  push_subscriptions: PushSubscriptionsTable;
  push_deliveries: PushDeliveriesTable;
}

export type Organization = Selectable<OrganizationsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Property = Selectable<PropertiesTable>;
export type Unit = Selectable<UnitsTable>;
export type Lease = Selectable<LeasesTable>;
export type Connection = Selectable<ConnectionsTable>;
export type Invitation = Selectable<InvitationsTable>;
export type Conversation = Selectable<ConversationsTable>;
export type ConversationParticipant = Selectable<ConversationParticipantsTable>;
export type Message = Selectable<MessagesTable>;
export type NewMessage = Insertable<MessagesTable>;
export type BoardPost = Selectable<BoardPostsTable>;
export type BoardComment = Selectable<BoardCommentsTable>;
export type MaintenanceRequest = Selectable<MaintenanceRequestsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type Session = Selectable<SessionsTable>;
export type DevMail = Selectable<DevMailboxTable>;
