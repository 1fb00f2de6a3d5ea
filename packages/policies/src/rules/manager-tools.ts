/** Tools of the management's side: templates, signatures, auto-responses, the people panel. */

import type { Refused } from "../decision";
import { allow, deny } from "../decision";
import type { Rule } from "../decisions";
import type { ActorInput, AutoRespondInput } from "../inputs";
import type { Knobs } from "../knobs";

function managerTool(
  enabled: (knobs: Knobs) => boolean,
  unavailable: Refused,
  what: string,
): Rule<ActorInput> {
  return (knobs, { actor }) => {
    if (!enabled(knobs)) return unavailable;
    return actor.kind === "manager"
      ? allow(`May use ${what}.`)
      : deny("managers_only", `Only managers can use ${what}.`);
  };
}

export const useTemplates = managerTool(
  (knobs) => knobs.templates,
  deny("templates_unavailable", "Message templates aren't available."),
  "message templates",
);

export const useSignature = managerTool(
  (knobs) => knobs.signatures,
  deny("signatures_unavailable", "Signatures aren't available."),
  "a signature",
);

export const configureAutoResponse = managerTool(
  (knobs) => knobs.autoResponses,
  deny("auto_responses_unavailable", "Auto-responses aren't available."),
  "auto-responses",
);

export const viewParticipantInfo = managerTool(
  (knobs) => knobs.participantInfo,
  deny("participant_info_unavailable", "Tenant info isn't available in conversations."),
  "tenant info and group details",
);

export const autoRespond: Rule<AutoRespondInput> = (
  knobs,
  { sender, outsideBusinessHours, setting },
) => {
  if (!knobs.autoResponses) {
    return deny("auto_responses_unavailable", "Auto-responses aren't available.");
  }
  if (sender.kind === "manager" || sender.kind === "operator") {
    return deny(
      "auto_response_not_for_team",
      "Auto-responses answer residents and contacts, not the team.",
    );
  }
  if (setting === "off") return deny("auto_response_off", "The auto-response is off.");
  if (setting === "after_hours" && !outsideBusinessHours) {
    return deny("within_business_hours", "The auto-response goes out only outside business hours.");
  }
  return allow("The auto-response goes out.");
};
