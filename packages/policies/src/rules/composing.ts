/** Options of the composer: attachments, message types, priority, mentions, scheduling. */
import { allow, type Check, deny } from "../decision";
import type { Rule } from "../decisions";
import type { AttachmentFacts } from "../facts";
import type {
  ActorInput,
  AttachFileInput,
  MentionInput,
  MessageTypeInput,
  ScheduleSendInput,
} from "../inputs";
import { formatBytes, messageTypeLabels } from "../labels";
import { checkNotOperator } from "./gates";

/** "image/png" matches "image/png" and "image/*". */
function mimeAllowed(patterns: readonly string[], mimeType: string): boolean {
  const type = mimeType.toLowerCase();
  return patterns.some((pattern) =>
    pattern.endsWith("/*") ? type.startsWith(pattern.slice(0, -1)) : pattern === type,
  );
}

/** The size and type limits of attachments, as the composer receives them. */
export interface AttachmentLimits {
  readonly maxBytes: number;
  readonly types: readonly string[];
}

/**
 * One file against the limits: the check the server makes on the sniffed content, and the one
 * the composer makes on the browser's guess before an upload starts.
 */
export function checkAttachment(limits: AttachmentLimits, attachment: AttachmentFacts): Check {
  if (attachment.sizeBytes > limits.maxBytes)
    return deny("attachment_too_large", `Files can be up to ${formatBytes(limits.maxBytes)}.`);
  if (!mimeAllowed(limits.types, attachment.mimeType))
    return deny(
      "attachment_type_not_allowed",
      `Files of type ${attachment.mimeType || "unknown"} can't be attached.`,
    );
  return undefined;
}

export const attachFile: Rule<AttachFileInput> = (knobs, { actor, attachment }) => {
  if (!knobs.attachments) return deny("attachments_disabled", "Attachments aren't available.");
  const operator = checkNotOperator(actor);
  if (operator) return operator;
  if (!attachment) {
    return allow(`Files up to ${formatBytes(knobs.maxAttachmentBytes)} can be attached.`);
  }
  return (
    checkAttachment(
      { maxBytes: knobs.maxAttachmentBytes, types: knobs.attachmentTypes },
      attachment,
    ) ?? allow("May attach this file.")
  );
};

/** Message types are what managers send to residents and contacts (seed 000), not to each other. */
export const chooseMessageType: Rule<MessageTypeInput> = (knobs, { actor, type, conversation }) => {
  if (type === "general") return allow("Every message can be a general message.");
  if (actor.kind !== "manager") {
    return deny("message_type_unavailable", "Only managers can tag messages with a type.");
  }
  if (!knobs.messageTypes.includes(type)) {
    return deny(
      "message_type_unavailable",
      `The "${messageTypeLabels[type]}" message type isn't available.`,
    );
  }
  if (conversation?.participants.every((party) => party.kind === "manager")) {
    return deny(
      "message_type_unavailable",
      `Message types are for messages to ${knobs.words.resident.many} and contacts; team chats use general messages.`,
    );
  }
  return allow(`May send a ${messageTypeLabels[type]} message.`);
};

export const markPriority: Rule<ActorInput> = (knobs, { actor }) => {
  if (!knobs.priorityMarking) {
    return deny("priority_unavailable", "Priority marking isn't available.");
  }
  return actor.kind === "manager"
    ? allow("May mark messages as high priority.")
    : deny("managers_only", "Only managers can mark messages as high priority.");
};

export const mention: Rule<MentionInput> = (knobs, { conversation, mentioned }) => {
  if (!knobs.mentions) return deny("mentions_unavailable", "Mentions aren't available.");
  return conversation.participants.some((party) => party.userId === mentioned.userId)
    ? allow("May mention this person.")
    : deny("mention_not_participant", "You can mention only people in this conversation.");
};

export const scheduleSend: Rule<ScheduleSendInput> = (knobs, { actor, sendAt, now }) => {
  if (!knobs.scheduledSend) {
    return deny("scheduled_send_unavailable", "Scheduled sending isn't available.");
  }
  if (actor.kind !== "manager") {
    return deny("managers_only", "Only managers can schedule messages.");
  }
  if (sendAt && sendAt.getTime() <= now.getTime()) {
    return deny("schedule_in_past", "Choose a delivery time in the future.");
  }
  return allow("May schedule this message.");
};
