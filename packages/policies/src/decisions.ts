import type { Decision } from "./decision";
import type {
  ActorInput,
  AttachFileInput,
  AutoRespondInput,
  BeAssignedInput,
  ChangeMessageInput,
  ChannelInput,
  ChooseAudienceInput,
  CommentOnPostInput,
  ConnectionGateInput,
  DeleteCommentInput,
  DeliverEmailCopyInput,
  FilterAudienceInput,
  HandleConversationInput,
  InboundReplyInput,
  LeaseGateInput,
  MaintenanceThreadInput,
  MembershipGateInput,
  MentionInput,
  MessageMemberInput,
  MessageTypeInput,
  NotifyInput,
  OrgActorInput,
  PostToBoardInput,
  ReceiveBroadcastInput,
  ReplyInput,
  ScheduleSendInput,
  SeeMemberUnitInput,
  SendBroadcastInput,
  ShareMaintenanceInput,
  StartConversationInput,
  SubUserInput,
} from "./inputs";
import type { Knobs } from "./knobs";
import type { Vocabulary } from "./vocabulary";

/** What a rule decides with besides the facts: the effective knobs and the profile's words. */
export type RuleSettings = Knobs & { readonly words: Vocabulary };

/** A decision function as a profile writes it: the effective knobs and words, then the facts. */
export type Rule<I> = (knobs: RuleSettings, input: I) => Decision;

/** Every decision a profile makes. */
export interface DecisionSet {
  /** May the actor open the "new message" composer at all (any kind, any recipient)? */
  readonly compose: Rule<OrgActorInput>;
  /** May the actor start a conversation of this kind with these recipients? */
  readonly startConversation: Rule<StartConversationInput>;
  /** May the actor send a message in this existing conversation? */
  readonly reply: Rule<ReplyInput>;
  /** May this person message or be messaged, given their lease status? */
  readonly leaseGate: Rule<LeaseGateInput>;
  /** May this person message or be messaged, given their connection? */
  readonly connectionGate: Rule<ConnectionGateInput>;
  /** Does everyone the action names belong to the organization? */
  readonly membershipGate: Rule<MembershipGateInput>;
  /** May this manager use a capability (sub-user limits)? */
  readonly subUserGate: Rule<SubUserInput>;
  /** Does this inbox channel exist for the actor? */
  readonly useChannel: Rule<ChannelInput>;
  /** Is a maintenance thread created for this person about this request? */
  readonly maintenanceThread: Rule<MaintenanceThreadInput>;
  /** May the actor change their Maintenance Settings (threads for requests their tenants submit)? */
  readonly configureMaintenanceThreads: Rule<ActorInput>;
  /** May the actor change a maintenance request's status (new, in progress, waiting, done)? */
  readonly changeMaintenanceStatus: Rule<ActorInput>;
  /** May the actor share a maintenance request with this person? */
  readonly shareMaintenanceRequest: Rule<ShareMaintenanceInput>;
  /** May this recipient answer the announcement in a private conversation with the management? */
  readonly replyPrivately: Rule<ReplyInput>;
  /** May the actor send a broadcast to this audience? */
  readonly sendBroadcast: Rule<SendBroadcastInput>;
  /** Does the broadcast composer offer this kind of audience to the actor? */
  readonly chooseAudience: Rule<ChooseAudienceInput>;
  /** Does the broadcast composer offer this filter of a filtered group to the actor? */
  readonly filterAudience: Rule<FilterAudienceInput>;
  /** Does this person of a resolved audience receive the broadcast? */
  readonly receiveBroadcast: Rule<ReceiveBroadcastInput>;
  /** May a member message these members? */
  readonly messageMember: Rule<MessageMemberInput>;
  /** May a member see this other member's unit in the directory (neighbours who may message)? */
  readonly seeMemberUnit: Rule<SeeMemberUnitInput>;
  /** May the actor open the property message board? */
  readonly viewBoard: Rule<ActorInput>;
  /** May the actor publish on the board? */
  readonly postToBoard: Rule<PostToBoardInput>;
  /** May the actor comment on this post? */
  readonly commentOnPost: Rule<CommentOnPostInput>;
  /** May the actor turn comments on or off for a post? */
  readonly toggleComments: Rule<ActorInput>;
  /** May the actor remove this comment? */
  readonly deleteComment: Rule<DeleteCommentInput>;
  /** May the actor hide comments, pin posts and approve waiting posts? */
  readonly moderateBoard: Rule<ActorInput>;
  /** Does the actor's board post appear at once, or wait for a manager's approval? */
  readonly publishWithoutApproval: Rule<ActorInput>;
  /** May the actor see who has read messages ("seen by")? */
  readonly seeReadReceipts: Rule<ActorInput>;
  /** May the actor edit this message? */
  readonly editMessage: Rule<ChangeMessageInput>;
  /** May the actor delete this message? */
  readonly deleteMessage: Rule<ChangeMessageInput>;
  /** May the actor attach this file? */
  readonly attachFile: Rule<AttachFileInput>;
  /** May the actor tick "also send as email"? */
  readonly copyToEmail: Rule<ActorInput>;
  /** Does the email copy reach this recipient? */
  readonly deliverEmailCopy: Rule<DeliverEmailCopyInput>;
  /** Does a reply by email or SMS land in the conversation? */
  readonly acceptInboundReply: Rule<InboundReplyInput>;
  /** May the actor schedule a message for later? */
  readonly scheduleSend: Rule<ScheduleSendInput>;
  /** May the actor use message templates? */
  readonly useTemplates: Rule<ActorInput>;
  /** May the actor add, change and remove the organization's shared templates? */
  readonly manageSharedTemplates: Rule<ActorInput>;
  /** May the actor set a signature added to outgoing messages? */
  readonly useSignature: Rule<ActorInput>;
  /** May the actor set up an auto-response? */
  readonly configureAutoResponse: Rule<ActorInput>;
  /** May the actor set the organization's business hours and holidays? */
  readonly configureBusinessHours: Rule<ActorInput>;
  /** May the actor change the organization's own settings (the knobs its profile lets it change)? */
  readonly changeSettings: Rule<ActorInput>;
  /** May the actor choose what each sub-user may do (their permissions)? */
  readonly manageTeamPermissions: Rule<ActorInput>;
  /** Does this incoming message get an auto-response? */
  readonly autoRespond: Rule<AutoRespondInput>;
  /** May the actor mark a message as high priority? */
  readonly markPriority: Rule<ActorInput>;
  /** May the actor tag a message with this type? */
  readonly chooseMessageType: Rule<MessageTypeInput>;
  /** May the actor @-mention this person here? */
  readonly mention: Rule<MentionInput>;
  /** Is this notification channel used? */
  readonly notify: Rule<NotifyInput>;
  /** May the actor use the shared team inbox (the Mine, Unassigned, All and Closed views)? */
  readonly useTeamInbox: Rule<ActorInput>;
  /** May the actor open, assign, close or annotate this conversation from the team inbox? */
  readonly handleConversation: Rule<HandleConversationInput>;
  /** May conversations be assigned to this manager? */
  readonly beAssigned: Rule<BeAssignedInput>;
  /** May the actor open the tenant-info / group-details panel? */
  readonly viewParticipantInfo: Rule<ActorInput>;
}

/** Name of a decision. */
export type DecisionName = keyof DecisionSet;

/** The input a decision takes. */
export type InputOf<K extends DecisionName> = Parameters<DecisionSet[K]>[1];

/** Decisions with the knobs already applied: each takes only its facts. */
export type BoundDecisions = { readonly [K in DecisionName]: (input: InputOf<K>) => Decision };
