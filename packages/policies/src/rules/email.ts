/** Email around messages: the "also send as email" copy and replies from outside the app. */
import { allow, deny } from "../decision";
import type { Rule, RuleSettings } from "../decisions";
import type { ActorInput, DeliverEmailCopyInput, InboundReplyInput } from "../inputs";
import { checkNotOperator } from "./gates";

function copyUnavailable(knobs: RuleSettings) {
  return knobs.copyToEmail
    ? undefined
    : deny(
        "copy_to_email_unavailable",
        "Messages stay in the app; sending a copy by email isn't available.",
      );
}

export const copyToEmail: Rule<ActorInput> = (knobs, { actor }) =>
  copyUnavailable(knobs) ?? checkNotOperator(actor) ?? allow("May also send the message as email.");

export const deliverEmailCopy: Rule<DeliverEmailCopyInput> = (knobs, { recipientHasEmail }) =>
  copyUnavailable(knobs) ??
  (recipientHasEmail
    ? allow("The recipient gets an email copy.")
    : deny(
        "no_email_on_file",
        "This person has no email address on file; they still get the message in the app.",
      ));

/**
 * Conversations live only in the app: no profile threads email or SMS replies into them. The
 * decision exists so an inbound mail or SMS handler asks the policy instead of deciding alone.
 */
export const acceptInboundReply: Rule<InboundReplyInput> = (_knobs, { via }) =>
  via === "email"
    ? deny(
        "inbound_reply_unsupported",
        "Replies by email don't reach the conversation; reply in the app.",
      )
    : deny(
        "inbound_reply_unsupported",
        "Chat messages can't be sent or received by SMS; reply in the app.",
      );
