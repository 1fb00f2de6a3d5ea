/**
 * Plain-data facts the API loads from the database and hands to a policy. Policies never fetch
 * anything themselves, so every fact a rule needs appears here.
 */

/** Kinds of people on the platform. */
export const userKinds = ["manager", "resident", "service_pro", "owner", "operator"] as const;
/** Kind of person. Coworking members are residents. */
export type UserKind = (typeof userKinds)[number];

/** A manager is the account owner (the main landlord user) or one of their sub-users. */
export type ManagerRole = "account_owner" | "sub_user";

/** The person's connection with the organization. The account owner counts as connected. */
export type ConnectionStatus = "connected" | "invited" | "none";

/** Lease statuses, derived from lease dates. */
export const leaseStatuses = ["active", "future", "expired", "none"] as const;
/** The best status among the person's leases (active > future > expired), or "none". */
export type LeaseStatus = (typeof leaseStatuses)[number];

/** Coworking member status. */
export const memberStatuses = ["active", "inactive"] as const;
/** Coworking member status. */
export type MemberStatus = (typeof memberStatuses)[number];

/** Conversation kinds. */
export const conversationKinds = [
  "direct",
  "unit_group",
  "team",
  "maintenance",
  "broadcast",
] as const;
/** Conversation kind. */
export type ConversationKind = (typeof conversationKinds)[number];

/** Message types a manager may tag a message with (seed 000 "Message Types"). */
export const messageTypes = [
  "general",
  "maintenance",
  "payment_reminder",
  "lease",
  "event",
  "document_request",
] as const;
/** Message type. */
export type MessageType = (typeof messageTypes)[number];

/** Board post categories (seed 002: jobs, items for sale or wanted, lost or found, notices and announcements). */
export const boardCategories = [
  "notice",
  "announcement",
  "job",
  "for_sale",
  "wanted",
  "lost_found",
] as const;
/** Board post category. */
export type BoardCategory = (typeof boardCategories)[number];

/** A person a decision is about (a recipient, a participant, a comment's author...). */
export interface Party {
  readonly userId: string;
  readonly kind: UserKind;
  /** Set for managers, null for everyone else. */
  readonly managerRole: ManagerRole | null;
  readonly connection: ConnectionStatus;
  readonly leaseStatus: LeaseStatus;
  /** Coworking member status; treated as "active" when absent. */
  readonly memberStatus?: MemberStatus;
}

/** The person asking to act. */
export interface Actor extends Party {
  /** Permission strings granted to a sub-user; see `permissions` for the ones policies read. */
  readonly permissions: readonly string[];
}

/** Whether the organization works as a landlord or as a property manager for owners. */
export type OrganizationMode = "landlord" | "property_manager";

/** Facts about the organization the action happens in. */
export interface OrganizationFacts {
  readonly mode: OrganizationMode;
  /** The organization ships a branded mobile app (push notifications depend on it in some profiles). */
  readonly brandedApp?: boolean;
}

/** Facts about an existing conversation. */
export interface ConversationFacts {
  readonly kind: ConversationKind;
  /** Set when the conversation was created as a no-reply announcement. */
  readonly noReply: boolean;
  /** Some of its messages were also sent by email, so an answer to that email is possible. */
  readonly emailed?: boolean;
  /** Kind of the person who started it; null when the system did (maintenance threads). */
  readonly createdByKind: UserKind | null;
  /** Everyone in the conversation, the actor included when they take part. */
  readonly participants: readonly Party[];
}

/** Facts about a message. */
export interface MessageFacts {
  readonly authorId: string | null;
  /** When it went out; null while it is still scheduled. */
  readonly sentAt: Date | null;
  readonly deletedAt: Date | null;
}

/** Facts about a board post. */
export interface BoardPostFacts {
  readonly authorId: string | null;
  readonly commentsEnabled: boolean;
  /** A resident's post that no manager has approved yet. */
  readonly awaitingApproval?: boolean;
}

/** Facts about a board comment. */
export interface CommentFacts {
  readonly authorId: string | null;
  readonly seenByManagerAt: Date | null;
  readonly deletedAt: Date | null;
}

/** Facts about a file to attach. */
export interface AttachmentFacts {
  readonly sizeBytes: number;
  readonly mimeType: string;
}

/** Facts about a maintenance request. */
export interface MaintenanceRequestFacts {
  readonly submittedBy: Party;
  /** Users the request is shared with (besides the submitter). */
  readonly sharedWith: readonly string[];
}
