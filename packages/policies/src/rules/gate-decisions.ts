/** The shared gates exposed as decisions of their own. */
import { allow } from "../decision";
import type { Rule } from "../decisions";
import type { ConnectionGateInput, LeaseGateInput, SubUserInput } from "../inputs";
import { checkConnection, checkLease, checkSubUser } from "./gates";

export const leaseGate: Rule<LeaseGateInput> = (knobs, { party, purpose }) =>
  checkLease(knobs, party, purpose, "other") ??
  allow(
    party.kind === "resident"
      ? "The lease status allows messaging."
      : "Only residents are gated by lease.",
  );

export const connectionGate: Rule<ConnectionGateInput> = (knobs, { party }) =>
  checkConnection(knobs, party, "other") ??
  allow(
    knobs.requireConnection
      ? "Connected."
      : "This organization doesn't require a connection to message.",
  );

export const subUserGate: Rule<SubUserInput> = (knobs, { actor, capability }) =>
  checkSubUser(knobs, actor, capability) ?? allow(`May use ${capability}.`);
