/**
 * The input of each decision. Where a field is optional, leaving it out asks whether the action
 * is available at all (for a button), and giving it checks the concrete case.
 */
import type {
  Actor,
  AttachmentFacts,
  BoardCategory,
  BoardPostFacts,
  CommentFacts,
  ConversationFacts,
  ConversationKind,
  LeaseStatus,
  MaintenanceRequestFacts,
  MemberStatus,
  MessageFacts,
  MessageType,
  OrganizationFacts,
  Party,
} from "./facts";
import type { AudienceFilter, AudienceType, Channel, NotificationChannel } from "./knobs";
import type { SubUserCapability } from "./permissions";

/** Someone acting, with nothing else to know. */
export interface ActorInput {
  readonly actor: Actor;
}

/** Someone acting inside an organization. */
export interface OrgActorInput extends ActorInput {
  readonly org: OrganizationFacts;
}

/** Start a new conversation of `kind` with `recipients` (the actor not included). */
export interface StartConversationInput extends OrgActorInput {
  readonly kind: ConversationKind;
  readonly recipients: readonly Party[];
}

/** Send a message in an existing conversation. */
export interface ReplyInput extends OrgActorInput {
  readonly conversation: ConversationFacts;
}

/** A conversation a manager handles from the team inbox (assign, notes, close). */
export interface HandleConversationInput extends ActorInput {
  readonly conversation: ConversationFacts;
}

/** The manager a conversation would be assigned to. */
export interface BeAssignedInput {
  readonly assignee: Actor;
}

/** Filters of a filtered broadcast; a filter takes part when its list is non-empty. */
export interface AudienceFilters {
  readonly propertyIds?: readonly string[];
  readonly leaseStatuses?: readonly LeaseStatus[];
  readonly plans?: readonly string[];
  readonly memberStatuses?: readonly MemberStatus[];
}

/** Who a broadcast goes to. */
export type BroadcastAudience =
  | { readonly type: "all" }
  | { readonly type: "filtered"; readonly filters: AudienceFilters }
  | { readonly type: "specific"; readonly userIds: readonly string[] };

/** Send a broadcast. Without `audience` and `recipientCount`, asks whether the actor may broadcast at all. */
export interface SendBroadcastInput extends ActorInput {
  readonly audience?: BroadcastAudience;
  /** How many people the audience resolved to. */
  readonly recipientCount?: number;
}

/** Offer one kind of audience in the broadcast composer ("To": all, a filtered group, specific contacts). */
export interface ChooseAudienceInput extends ActorInput {
  readonly audience: AudienceType;
}

/** Offer one filter of a filtered broadcast (location, lease status, plan, member status). */
export interface FilterAudienceInput extends ActorInput {
  readonly filter: AudienceFilter;
}

/** Whether one person of a resolved audience receives a broadcast. */
export interface ReceiveBroadcastInput {
  readonly org: OrganizationFacts;
  readonly recipient: Party;
}

/** Member-to-member message. */
export interface MessageMemberInput extends ActorInput {
  readonly recipients: readonly Party[];
}

/** See another member's unit in the directory. */
export interface SeeMemberUnitInput extends ActorInput {
  readonly member: Party;
  /** The two have an active lease at one property (the unit shown is the one there). */
  readonly sharesProperty: boolean;
}

/** Lease-state gate for one person. */
export interface LeaseGateInput {
  readonly party: Party;
  /** "start": open a new conversation; "reply": keep writing in an existing one. */
  readonly purpose: "start" | "reply";
}

/**
 * The people an action names, each as loaded from the organization: `undefined` where no one with
 * that id belongs to it (an unknown id, someone of another organization, someone removed since).
 */
export interface MembershipGateInput {
  readonly people: readonly (Party | undefined)[];
}

/** Connection gate for one person. */
export interface ConnectionGateInput {
  readonly party: Party;
}

/** Whether a sub-user (or any manager) may use a capability. */
export interface SubUserInput extends ActorInput {
  readonly capability: SubUserCapability;
}

/** Whether an inbox channel (or the board channel) exists for the actor. */
export interface ChannelInput extends OrgActorInput {
  readonly channel: Channel | "board";
}

/** A manager shares a maintenance request with `recipient`. */
export interface ShareMaintenanceInput extends ActorInput {
  readonly recipient: Party;
}

/** Whether a maintenance thread is created for `recipient` about `request`. */
export interface MaintenanceThreadInput {
  readonly recipient: Party;
  readonly request: MaintenanceRequestFacts;
  /** The recipient's "Maintenance Settings"; only managers have them. */
  readonly settings?: { readonly tenantRequestThreads: boolean };
}

/** Publish on the board. */
export interface PostToBoardInput extends ActorInput {
  readonly category?: BoardCategory;
}

/** Comment on a board post. */
export interface CommentOnPostInput extends ActorInput {
  readonly post: BoardPostFacts;
}

/** Remove a board comment. */
export interface DeleteCommentInput extends ActorInput {
  readonly comment: CommentFacts;
}

/** Edit or delete a message. */
export interface ChangeMessageInput extends ActorInput {
  readonly message: MessageFacts;
  readonly now: Date;
}

/** Attach a file. Without `attachment`, asks whether attachments are available. */
export interface AttachFileInput extends ActorInput {
  readonly attachment?: AttachmentFacts;
}

/** Send the email copy of a message to one recipient. */
export interface DeliverEmailCopyInput {
  readonly recipientHasEmail: boolean;
}

/** A reply that arrives from outside the app. */
export interface InboundReplyInput {
  readonly via: "email" | "sms";
}

/** Schedule a message. Without `sendAt`, asks whether scheduling is available. */
export interface ScheduleSendInput extends ActorInput {
  readonly sendAt?: Date;
  readonly now: Date;
}

/** Whether an incoming message gets the recipient manager's auto-response. */
export interface AutoRespondInput {
  readonly sender: Party;
  readonly outsideBusinessHours: boolean;
  /** The recipient manager's setting: off, after hours only, or always (vacation). */
  readonly setting: "off" | "after_hours" | "always";
}

/** Tag a message with a type. With `conversation`, checks the type in that conversation. */
export interface MessageTypeInput extends ActorInput {
  readonly type: MessageType;
  readonly conversation?: ConversationFacts;
}

/** @-mention someone in a conversation. */
export interface MentionInput extends ActorInput {
  readonly conversation: ConversationFacts;
  readonly mentioned: Party;
}

/** Notify someone through a channel. */
export interface NotifyInput {
  readonly org: OrganizationFacts;
  readonly channel: NotificationChannel | "in_app";
  /** The recipient's notification settings; a channel set to false is off. */
  readonly preferences?: Partial<Record<NotificationChannel, boolean>>;
  /** Lower-case browser name, for desktop notifications. */
  readonly browser?: string;
  /**
   * The person followed an unsubscribe link for this channel. Honoured in every profile, also
   * where the profile otherwise decides the channels for people (the law of bulk mail).
   */
  readonly unsubscribed?: boolean;
}
