/** Inbox channels and maintenance threads (seeds 001 and 002). */
import { allow, type Check, deny } from "../decision";
import type { Rule, RuleSettings } from "../decisions";
import type { ActorInput, ChannelInput, MaintenanceThreadInput } from "../inputs";
import { channelName } from "../vocabulary";
import { viewBoard } from "./board";
import { checkChannel, checkConnection, checkNotOperator, checkSubUser } from "./gates";

export const useChannel: Rule<ChannelInput> = (knobs, { org, actor, channel }) => {
  if (channel === "board") return viewBoard(knobs, { actor });
  const operator = checkNotOperator(actor);
  if (operator) return operator;
  const enabled = checkChannel(knobs, org, channel);
  if (enabled) return enabled;
  if (actor.kind === "manager") {
    return (
      checkSubUser(knobs, actor, "chat") ??
      checkConnection(knobs, actor, "self") ??
      allow(`The ${channelName(knobs.words, channel)} channel is available.`)
    );
  }
  if (channel !== "maintenance") {
    return deny(
      "channel_managers_only",
      `The ${channelName(knobs.words, channel)} channel is part of the management's inbox.`,
    );
  }
  if (actor.kind === "owner") return threadsForResidentsAndPros(knobs);
  return allow("Your maintenance request threads appear here.");
};

function threadsForResidentsAndPros(knobs: RuleSettings) {
  return deny(
    "maintenance_tenants_and_pros_only",
    `Maintenance request threads are for ${knobs.words.resident.many} and service pros.`,
  );
}

function checkMaintenanceThreads(knobs: RuleSettings): Check {
  return knobs.maintenanceThreads && knobs.channels.includes("maintenance")
    ? undefined
    : deny("maintenance_threads_disabled", "Maintenance request threads aren't available.");
}

export const maintenanceThread: Rule<MaintenanceThreadInput> = (
  knobs,
  { recipient, request, settings },
) => {
  const disabled = checkMaintenanceThreads(knobs);
  if (disabled) return disabled;
  if (recipient.kind === "manager") {
    const optedOut =
      knobs.maintenanceThreadOptOut &&
      request.submittedBy.kind === "resident" &&
      settings?.tenantRequestThreads === false;
    return optedOut
      ? deny(
          "maintenance_threads_opted_out",
          `Threads for requests submitted by ${knobs.words.resident.many} are turned off in your Maintenance Settings.`,
        )
      : allow("A thread is created for this request on the management's side.");
  }
  if (recipient.kind !== "resident" && recipient.kind !== "service_pro") {
    return threadsForResidentsAndPros(knobs);
  }
  const involved =
    request.submittedBy.userId === recipient.userId ||
    request.sharedWith.includes(recipient.userId);
  if (!involved) {
    return deny(
      "maintenance_not_shared",
      "This maintenance request isn't shared with this person.",
    );
  }
  return (
    checkConnection(knobs, recipient, "other") ??
    allow("A separate thread is created for this request.")
  );
};

/** The switch `maintenanceThread` reads as `settings.tenantRequestThreads` (seed 001 "Maintenance Settings"). */
export const configureMaintenanceThreads: Rule<ActorInput> = (knobs, { actor }) =>
  checkMaintenanceThreads(knobs) ??
  (actor.kind === "manager"
    ? undefined
    : deny("managers_only", `Maintenance Settings are for ${knobs.words.management}.`)) ??
  (knobs.maintenanceThreadOptOut
    ? undefined
    : deny(
        "maintenance_opt_out_unavailable",
        "Managers can't turn off maintenance request threads in this organization.",
      )) ??
  allow(`May turn off threads for requests submitted by ${knobs.words.resident.many}.`);
