/** Whether a notification of some kind goes out through a channel now: policy, person, clock. */
import type { Priority } from "@hearth/db";
import type { Decision, OrganizationFacts, Policy } from "@hearth/policies";
import type { NotificationKind } from "./kinds";
import { kindAllows, type NotificationPreferences } from "./preferences";
import { isQuietAt } from "./quiet-hours";

export type AlertChannel = "desktop" | "email" | "push" | "sms";

/** The policy's answer for this person and channel, their own switches included. */
export function channelDecision(
  policy: Policy,
  org: OrganizationFacts,
  preferences: NotificationPreferences,
  channel: AlertChannel,
  kind?: NotificationKind,
): Decision {
  const on = preferences[channel] && (kind === undefined || kindAllows(preferences, kind, channel));
  return policy.notify({
    org,
    channel,
    preferences: { [channel]: on },
    // An unsubscribe link turns email off, also where the profile decides the channels.
    unsubscribed: channel === "email" && !preferences.email,
  });
}

/** Quiet hours hold a notification back unless it is urgent and the organization lets it through. */
export function heldByQuietHours(
  policy: Policy,
  preferences: NotificationPreferences,
  priority: Priority,
  at: Date,
): boolean {
  if (priority === "high" && policy.knobs.urgentBreaksQuietHours) return false;
  return isQuietAt(at, preferences.timeZone, preferences.quietHours);
}

/** Everything together: this kind of notification goes out through `channel` at `at`. */
export function notifiesNow(
  policy: Policy,
  org: OrganizationFacts,
  preferences: NotificationPreferences,
  channel: AlertChannel,
  notification: { kind: NotificationKind; priority: Priority },
  at: Date,
): boolean {
  if (!channelDecision(policy, org, preferences, channel, notification.kind).allowed) return false;
  return !heldByQuietHours(policy, preferences, notification.priority, at);
}
