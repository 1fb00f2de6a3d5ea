import type { Decision } from "./decision";
import { type Actor, type ConversationFacts, type MessageType, messageTypes } from "./facts";
import type { AudienceFilter, AudienceType, Knobs } from "./knobs";
import type { Policy } from "./policy";
import type { AttachmentLimits } from "./rules/composing";

/** Who is writing and, when they write in one, the conversation. */
export interface ComposerFacts {
  readonly actor: Actor;
  readonly conversation?: ConversationFacts;
}

/** What the message composer offers. */
export interface ComposerOptions {
  /** Types the picker lists, "general" first; a single type means there is nothing to pick. */
  readonly messageTypes: readonly MessageType[];
  /** The "high priority" box. */
  readonly markPriority: Decision;
  /** The attach button, and the limits a file is checked against before it uploads. */
  readonly attachFile: Decision & { readonly limits: AttachmentLimits };
}

/** The composer's options, each as the policy's decisions answer them. */
export function composerOptions(policy: Policy, facts: ComposerFacts): ComposerOptions {
  const { actor, conversation } = facts;
  return {
    messageTypes: messageTypes.filter(
      (type) => policy.chooseMessageType({ actor, type, conversation }).allowed,
    ),
    markPriority: policy.markPriority({ actor }),
    attachFile: {
      ...policy.attachFile({ actor }),
      limits: { maxBytes: policy.knobs.maxAttachmentBytes, types: policy.knobs.attachmentTypes },
    },
  };
}

/** What the broadcast composer offers. */
export interface BroadcastOptions {
  /** May the actor broadcast at all; when not, every audience and filter refuses with the same reason. */
  readonly send: Decision;
  /** The "To" choices. */
  readonly audiences: Readonly<Record<AudienceType, Decision>>;
  /** The filters of a filtered group. */
  readonly filters: Readonly<Record<AudienceFilter, Decision>>;
  /** Show how many people the broadcast reaches (seed 003). */
  readonly showRecipientCount: boolean;
  /** Recipients can't answer in the app. */
  readonly noReply: boolean;
  /** Whether the broadcast shows the organization or its author as the sender. */
  readonly sender: Knobs["broadcastSender"];
  /** The "also send as email" box. */
  readonly copyToEmail: Decision;
  readonly messageTypes: readonly MessageType[];
}

/** The broadcast composer's options, each as the policy's decisions answer them. */
export function broadcastOptions(
  policy: Policy,
  { actor }: { readonly actor: Actor },
): BroadcastOptions {
  const audience = (type: AudienceType) => policy.chooseAudience({ actor, audience: type });
  const filter = (type: AudienceFilter) => policy.filterAudience({ actor, filter: type });
  return {
    send: policy.sendBroadcast({ actor }),
    audiences: {
      all: audience("all"),
      filtered: audience("filtered"),
      specific: audience("specific"),
    },
    filters: {
      property: filter("property"),
      lease_status: filter("lease_status"),
      plan: filter("plan"),
      member_status: filter("member_status"),
    },
    showRecipientCount: policy.knobs.showRecipientCount,
    noReply: policy.knobs.broadcastNoReply,
    sender: policy.knobs.broadcastSender,
    copyToEmail: policy.copyToEmail({ actor }),
    messageTypes: composerOptions(policy, { actor }).messageTypes,
  };
}
