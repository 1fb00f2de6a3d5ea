/** The notification settings page: what the policy offers, what the person chose. */
import type { NotificationKindSwitches } from "@hearth/db";
import type { OrganizationFacts, Policy } from "@hearth/policies";
import { channelDecision } from "./channel-choice";
import {
  channelLabels,
  type NotificationKind,
  notificationKindLabels,
  notificationKinds,
  type PreferenceChannel,
  preferenceChannels,
} from "./kinds";
import { kindAllows, type NotificationPreferences } from "./preferences";

export interface ChannelSetting {
  channel: PreferenceChannel;
  label: string;
  /** The organization's policy offers this channel at all. */
  offered: boolean;
  /** The person may switch it (the policy lets people choose; in-app is always on). */
  choosable: boolean;
  on: boolean;
  /** The policy's sentence about this channel for this person. */
  reason: string;
}

export interface NotificationSettings {
  channels: ChannelSetting[];
  kinds: { kind: NotificationKind; label: string; channels: Record<PreferenceChannel, boolean> }[];
  quietHours: { start: string; end: string } | null;
  timeZone: string;
  emailDelayMinutes: number;
  sound: boolean;
  /** High-priority messages reach the person in quiet hours. */
  urgentBreaksQuietHours: boolean;
}

export function notificationSettings(
  policy: Policy,
  org: OrganizationFacts,
  preferences: NotificationPreferences,
): NotificationSettings {
  const channels = preferenceChannels.map((channel): ChannelSetting => {
    if (channel === "in_app") {
      const decision = policy.notify({ org, channel });
      return {
        channel,
        label: channelLabels.in_app,
        offered: true,
        choosable: false,
        on: true,
        reason: decision.reason,
      };
    }
    const offered = policy.notify({ org, channel });
    const mine = channelDecision(policy, org, preferences, channel);
    return {
      channel,
      label: channelLabels[channel],
      offered: offered.allowed,
      choosable: offered.allowed && policy.knobs.notificationPreferences,
      on: mine.allowed,
      reason:
        offered.allowed && !policy.knobs.notificationPreferences ? offered.reason : mine.reason,
    };
  });
  return {
    channels,
    kinds: notificationKinds.map((kind) => ({
      kind,
      label: notificationKindLabels[kind],
      channels: {
        in_app: kindAllows(preferences, kind, "in_app"),
        desktop: kindAllows(preferences, kind, "desktop"),
        email: kindAllows(preferences, kind, "email"),
        push: kindAllows(preferences, kind, "push"),
        sms: kindAllows(preferences, kind, "sms"),
      },
    })),
    quietHours: preferences.quietHours,
    timeZone: preferences.timeZone,
    emailDelayMinutes: preferences.emailDelayMinutes,
    sound: preferences.sound,
    urgentBreaksQuietHours: policy.knobs.urgentBreaksQuietHours,
  };
}

/** Only the switches that are off are stored; a kind with none off is left out. */
export function kindSwitchesToStore(
  kinds: Partial<Record<NotificationKind, Partial<Record<PreferenceChannel, boolean>>>>,
  current: NotificationKindSwitches,
): NotificationKindSwitches {
  const merged: NotificationKindSwitches = {};
  for (const kind of notificationKinds) {
    const off: Partial<Record<string, boolean>> = {};
    for (const channel of preferenceChannels) {
      const value = kinds[kind]?.[channel] ?? current[kind]?.[channel] !== false;
      if (!value) off[channel] = false;
    }
    if (Object.keys(off).length > 0) merged[kind] = off;
  }
  return merged;
}
