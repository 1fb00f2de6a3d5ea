/**
 * Who can lift a refusal, as a sentence a manager can act on: the account owner where a sub-user
 * lacks a permission, the operator where a knob of the organization decides (an override when
 * the profile lets that knob change, another profile when it doesn't).
 */
import type { RefusalCode } from "./codes";
import type { Decision } from "./decision";
import { knobLabels } from "./knob-labels";
import type { KnobName } from "./knobs";
import type { Policy } from "./policy";

/** The knob whose value produced each refusal an organization's settings can lift. */
const knobBehind: Partial<Record<RefusalCode, KnobName>> = {
  broadcast_unavailable: "broadcasts",
  sub_user_broadcast_disabled: "subUserBroadcast",
  sub_user_chat_disabled: "subUserChat",
  sub_user_board_disabled: "subUserBoard",
  no_reply: "broadcastNoReply",
  maintenance_threads_disabled: "maintenanceThreads",
  maintenance_opt_out_unavailable: "maintenanceThreadOptOut",
  member_messaging_disabled: "memberMessaging",
  board_disabled: "board",
};

/** Who may change what is behind a refusal, and how they'd say it. */
export interface Remedy {
  /** "account_owner": a permission they grant; "operator": the organization's settings. */
  readonly who: "account_owner" | "operator";
  readonly sentence: string;
}

/** Who can lift this refusal for the organization, or null when nobody can (or it's allowed). */
export function remedyFor(policy: Policy, decision: Decision): Remedy | null {
  if (decision.allowed) return null;
  if (decision.code === "missing_permission")
    return {
      who: "account_owner",
      sentence: "Your account owner can give your account this permission.",
    };
  const knob = knobBehind[decision.code];
  if (!knob) return null;
  const setting = `"${knobLabels[knob]}"`;
  if (policy.profile.overridable.includes(knob))
    return {
      who: "operator",
      sentence: `Your operator can turn this on in your organization's settings (${setting}).`,
    };
  return {
    who: "operator",
    sentence: `The ${policy.profile.name} profile has ${setting} off; your operator can move your organization to a profile that has it.`,
  };
}
