/** The shared gates exposed as decisions of their own. */
import { allow, deny } from "../decision";
import type { Rule } from "../decisions";
import type {
  ConnectionGateInput,
  LeaseGateInput,
  MembershipGateInput,
  SubUserInput,
} from "../inputs";
import { checkConnection, checkLease, checkSubUser } from "./gates";

export const leaseGate: Rule<LeaseGateInput> = (knobs, { party, purpose }) =>
  checkLease(knobs, party, purpose, "other") ??
  allow(
    party.kind === "resident"
      ? "The lease status allows messaging."
      : `Only ${knobs.words.resident.many} are gated by lease.`,
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

/** Every profile answers the same: only people of the organization can be messaged. */
export const membershipGate: Rule<MembershipGateInput> = (_knobs, { people }) => {
  if (people.every((party) => party !== undefined)) {
    return allow("Everyone named is part of the organization.");
  }
  return people.length === 1
    ? deny(
        "not_in_organization",
        "This person isn't part of your organization, so they can't be messaged.",
      )
    : deny(
        "not_in_organization",
        "Some of these people aren't part of your organization, so they can't be messaged.",
      );
};
