/** Maintenance requests on the management's side: status changes and sharing (seed 001). */
import { allow, deny } from "../decision";
import type { Rule } from "../decisions";
import type { ActorInput, ShareMaintenanceInput } from "../inputs";
import { checkConnection, checkNotOperator } from "./gates";

export const changeMaintenanceStatus: Rule<ActorInput> = (knobs, { actor }) =>
  checkNotOperator(actor) ??
  (actor.kind === "manager"
    ? allow(`May change the status; the ${knobs.words.resident.one} is told.`)
    : deny("managers_only", `Only ${knobs.words.management} changes a request's status.`));

/**
 * Sharing a request is always possible in the management's page; whether the person also gets a
 * "Maintenance Requests" thread about it is `maintenanceThread`'s answer.
 */
export const shareMaintenanceRequest: Rule<ShareMaintenanceInput> = (
  knobs,
  { actor, recipient },
) => {
  if (actor.kind !== "manager")
    return deny("managers_only", `Only ${knobs.words.management} shares maintenance requests.`);
  if (recipient.kind !== "resident" && recipient.kind !== "service_pro")
    return deny(
      "maintenance_tenants_and_pros_only",
      `Maintenance requests are shared with ${knobs.words.resident.many} and service pros.`,
    );
  return (
    checkConnection(knobs, recipient, "other") ??
    allow("May share this request; they see it and each update.")
  );
};
