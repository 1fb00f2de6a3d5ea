/** Inbox channels and maintenance threads (seeds 001 and 002). */
import { allow, deny } from "../decision";
import type { Rule } from "../decisions";
import type { ChannelInput, MaintenanceThreadInput } from "../inputs";
import { channelLabels } from "../labels";
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
      allow(`The ${channelLabels[channel]} channel is available.`)
    );
  }
  if (channel !== "maintenance") {
    return deny(
      "channel_managers_only",
      `The ${channelLabels[channel]} channel is part of the management's inbox.`,
    );
  }
  if (actor.kind === "owner") {
    return deny(
      "maintenance_tenants_and_pros_only",
      "Maintenance request threads are for tenants and service pros.",
    );
  }
  return allow("Your maintenance request threads appear here.");
};

export const maintenanceThread: Rule<MaintenanceThreadInput> = (
  knobs,
  { recipient, request, settings },
) => {
  if (!knobs.maintenanceThreads || !knobs.channels.includes("maintenance")) {
    return deny("maintenance_threads_disabled", "Maintenance request threads aren't available.");
  }
  if (recipient.kind === "manager") {
    const optedOut =
      knobs.maintenanceThreadOptOut &&
      request.submittedBy.kind === "resident" &&
      settings?.tenantRequestThreads === false;
    return optedOut
      ? deny(
          "maintenance_threads_opted_out",
          "Threads for requests submitted by tenants are turned off in your Maintenance Settings.",
        )
      : allow("A thread is created for this request on the management's side.");
  }
  if (recipient.kind !== "resident" && recipient.kind !== "service_pro") {
    return deny(
      "maintenance_tenants_and_pros_only",
      "Maintenance request threads are for tenants and service pros.",
    );
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
