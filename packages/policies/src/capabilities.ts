import type { Decision } from "./decision";
import type {
  Actor,
  BoardPostFacts,
  CommentFacts,
  ConversationFacts,
  MessageFacts,
  OrganizationFacts,
} from "./facts";
import { channels } from "./knobs";
import type { Policy } from "./policy";

/** What the UI knows about the screen it is drawing; the optional parts add their actions. */
export interface CapabilityFacts {
  readonly org: OrganizationFacts;
  readonly actor: Actor;
  readonly now: Date;
  readonly conversation?: ConversationFacts;
  readonly message?: MessageFacts;
  readonly post?: BoardPostFacts;
  readonly comment?: CommentFacts;
}

/** Action name -> decision, for showing or hiding controls with a reason. */
export type Capabilities = Record<string, Decision>;

/**
 * Every decision that can be made from the given facts, keyed by action: always the actor-level
 * ones ("compose", "channel.team", "attachFile" ...), plus "reply" with a conversation, "editMessage"
 * and "deleteMessage" with a message, "replyPrivately" for a recipient of an announcement, "commentOnPost" with a post, "deleteComment" with a comment.
 */
export function capabilities(policy: Policy, facts: CapabilityFacts): Capabilities {
  const { org, actor, now, conversation, message, post, comment } = facts;
  const result: Capabilities = {
    compose: policy.compose({ org, actor }),
    sendBroadcast: policy.sendBroadcast({ actor }),
    viewBoard: policy.viewBoard({ actor }),
    postToBoard: policy.postToBoard({ actor }),
    toggleComments: policy.toggleComments({ actor }),
    moderateBoard: policy.moderateBoard({ actor }),
    seeReadReceipts: policy.seeReadReceipts({ actor }),
    attachFile: policy.attachFile({ actor }),
    copyToEmail: policy.copyToEmail({ actor }),
    scheduleSend: policy.scheduleSend({ actor, now }),
    useTemplates: policy.useTemplates({ actor }),
    manageSharedTemplates: policy.manageSharedTemplates({ actor }),
    useSignature: policy.useSignature({ actor }),
    configureAutoResponse: policy.configureAutoResponse({ actor }),
    configureBusinessHours: policy.configureBusinessHours({ actor }),
    markPriority: policy.markPriority({ actor }),
    viewParticipantInfo: policy.viewParticipantInfo({ actor }),
    useTeamInbox: policy.useTeamInbox({ actor }),
    "channel.board": policy.useChannel({ org, actor, channel: "board" }),
  };
  for (const channel of channels)
    result[`channel.${channel}`] = policy.useChannel({ org, actor, channel });
  if (conversation) {
    result.reply = policy.reply({ org, actor, conversation });
    result.handleConversation = policy.handleConversation({ actor, conversation });
  }
  if (conversation?.kind === "broadcast" && actor.kind !== "manager")
    result.replyPrivately = policy.replyPrivately({ org, actor, conversation });
  if (message) {
    result.editMessage = policy.editMessage({ actor, message, now });
    result.deleteMessage = policy.deleteMessage({ actor, message, now });
  }
  if (post) result.commentOnPost = policy.commentOnPost({ actor, post });
  if (comment) result.deleteComment = policy.deleteComment({ actor, comment });
  return result;
}
