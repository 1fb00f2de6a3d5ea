/** Whether the actor may start anything at all: the "new message" button. */
import { allow, deny } from "../decision";
import type { Rule } from "../decisions";
import type { OrgActorInput } from "../inputs";
import { sendBroadcast } from "./broadcast";
import {
  checkConnection,
  checkLease,
  checkMemberActive,
  checkNotOperator,
  checkSubUser,
} from "./gates";
import { cannotInitiate } from "./start-conversation";

export const compose: Rule<OrgActorInput> = (knobs, { actor }) => {
  const operator = checkNotOperator(actor);
  if (operator) return operator;
  if (actor.kind === "manager") {
    const chat =
      checkSubUser(knobs, actor, "chat") ??
      checkConnection(knobs, actor, "self") ??
      (knobs.managerChat || knobs.channels.includes("team")
        ? undefined
        : deny(
            "notifications_only",
            "Messages from the admin side are notifications and can't be used for chat.",
          ));
    if (!chat) return allow("May start conversations.");
    const broadcast = sendBroadcast(knobs, { actor });
    return broadcast.allowed ? allow("May send broadcasts.") : chat;
  }
  if (actor.kind === "resident" && knobs.memberMessaging) {
    return (
      checkMemberActive(knobs, actor, "self") ??
      checkConnection(knobs, actor, "self") ??
      allow(`May message other ${knobs.words.resident.many}.`)
    );
  }
  if (!knobs.initiators.some((kind) => kind === actor.kind)) return cannotInitiate(knobs, actor);
  return (
    checkLease(knobs, actor, "start", "self") ??
    checkConnection(knobs, actor, "self") ??
    allow("May message the management.")
  );
};
