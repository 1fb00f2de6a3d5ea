/** Who on the customer's side changes the organization's own settings and the team's permissions. */
import { allow, deny } from "../decision";
import type { Rule } from "../decisions";
import type { ActorInput } from "../inputs";
import { SETTINGS_PERMISSION } from "../permissions";

/** The account owner always; a sub-user as the profile's `subUserSettings` says. */
export const changeSettings: Rule<ActorInput> = (knobs, { actor }) => {
  if (actor.kind !== "manager")
    return deny("settings_managers_only", "Only managers can change the organization's settings.");
  if (actor.managerRole === "account_owner")
    return allow("May change the organization's settings.");
  const access = knobs.subUserSettings;
  if (
    access === "all" ||
    (access === "with_permission" && actor.permissions.includes(SETTINGS_PERMISSION))
  )
    return allow("May change the organization's settings.");
  return deny(
    "settings_owner_only",
    access === "none"
      ? "Only the account owner can change the organization's settings."
      : "Only the account owner, or a team member they allow, can change the organization's settings.",
  );
};

/**
 * Granting permissions stays with the account owner even where sub-users may change settings, so
 * nobody can hand themselves more than they were given.
 */
export const manageTeamPermissions: Rule<ActorInput> = (_knobs, { actor }) =>
  actor.kind === "manager" && actor.managerRole === "account_owner"
    ? allow("May choose what each team member may do.")
    : deny(
        "team_permissions_owner_only",
        "Only the account owner can choose what team members may do.",
      );
