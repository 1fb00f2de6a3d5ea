/** Editing and deleting sent messages. */
import { allow, type Check, deny } from "../decision";
import type { Rule } from "../decisions";
import type { ChangeMessageInput } from "../inputs";

const MINUTE_MS = 60_000;

interface ChangeRule {
  readonly enabled: boolean;
  readonly windowMinutes: number;
  readonly verb: "edit" | "delete";
}

function decideChange(
  { enabled, windowMinutes, verb }: ChangeRule,
  { actor, message, now }: ChangeMessageInput,
) {
  const authorship: Check =
    message.authorId === actor.userId
      ? undefined
      : deny("not_message_author", `You can ${verb} only your own messages.`);
  if (authorship) return authorship;
  if (message.deletedAt) return deny("message_deleted", "This message was deleted.");
  // A scheduled message has not reached anyone yet, so changing or cancelling it rewrites no record.
  if (!message.sentAt) return allow(`A scheduled message can be changed until it goes out.`);
  if (!enabled) {
    return verb === "edit"
      ? deny("editing_disabled", "Messages can't be edited once sent.")
      : deny(
          "deleting_disabled",
          "Messages can't be deleted once sent; conversations are kept as a record.",
        );
  }
  if (now.getTime() - message.sentAt.getTime() > windowMinutes * MINUTE_MS) {
    return deny(
      verb === "edit" ? "edit_window_passed" : "delete_window_passed",
      `Messages can be ${verb === "edit" ? "edited" : "deleted"} for ${windowMinutes} minutes after sending.`,
    );
  }
  return allow(`May ${verb} this message.`);
}

export const editMessage: Rule<ChangeMessageInput> = (knobs, input) =>
  decideChange(
    { enabled: knobs.messageEditing, windowMinutes: knobs.editWindowMinutes, verb: "edit" },
    input,
  );

export const deleteMessage: Rule<ChangeMessageInput> = (knobs, input) =>
  decideChange(
    { enabled: knobs.messageDeleting, windowMinutes: knobs.deleteWindowMinutes, verb: "delete" },
    input,
  );
