/** Tools of the management's side: templates, signatures, auto-responses, the people panel. */

import type { Refused } from "../decision";
import { allow, deny } from "../decision";
import type { Rule, RuleSettings } from "../decisions";
import type { ActorInput, AutoRespondInput } from "../inputs";
import { SHARED_TEMPLATES_PERMISSION } from "../permissions";

function managerTool(
  enabled: (knobs: RuleSettings) => boolean,
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

/** Shared templates speak for the organization: its account owner, or a sub-user given the right. */
export const manageSharedTemplates: Rule<ActorInput> = (knobs, input) => {
  const use = useTemplates(knobs, input);
  if (!use.allowed) return use;
  const { actor } = input;
  return actor.managerRole === "account_owner" ||
    actor.permissions.includes(SHARED_TEMPLATES_PERMISSION)
    ? allow("May manage the organization's shared templates.")
    : deny(
        "shared_templates_owner_only",
        "Only the account owner, or a team member they allow, can change shared templates.",
      );
};

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

/** Business hours are the organization's: its account owner sets them. */
export const configureBusinessHours: Rule<ActorInput> = (knobs, input) => {
  const configure = configureAutoResponse(knobs, input);
  if (!configure.allowed) return configure;
  return input.actor.managerRole === "account_owner"
    ? allow("May set the organization's business hours.")
    : deny("business_hours_owner_only", "Only the account owner can change business hours.");
};

/** The people panel carries the profile's own name ("Tenant info", "Member info"). */
export const viewParticipantInfo: Rule<ActorInput> = (knobs, input) =>
  managerTool(
    (settings) => settings.participantInfo,
    deny(
      "participant_info_unavailable",
      `${knobs.words.personInfo} isn't available in conversations.`,
    ),
    `${knobs.words.personInfo.toLowerCase()} and group details`,
  )(knobs, input);

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
      `Auto-responses answer ${knobs.words.resident.many} and contacts, not the team.`,
    );
  }
  if (setting === "off") return deny("auto_response_off", "The auto-response is off.");
  if (setting === "after_hours" && !outsideBusinessHours) {
    return deny("within_business_hours", "The auto-response goes out only outside business hours.");
  }
  return allow("The auto-response goes out.");
};
