/** The settings page's form state, and the change it sends. */
import type { RouterInputs, RouterOutputs } from "@hearth/api";

export type Settings = RouterOutputs["notifications"]["settings"];
export type SettingsChange = RouterInputs["notifications"]["updateSettings"];
type Channel = Settings["channels"][number]["channel"];
type Kind = Settings["kinds"][number]["kind"];

export interface SettingsForm {
  channels: Record<Channel, boolean>;
  kinds: Record<Kind, Record<Channel, boolean>>;
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
  emailDelayMinutes: string;
  sound: boolean;
}

export function formOf(settings: Settings): SettingsForm {
  return {
    channels: Object.fromEntries(settings.channels.map((c) => [c.channel, c.on])) as Record<
      Channel,
      boolean
    >,
    kinds: Object.fromEntries(settings.kinds.map((k) => [k.kind, { ...k.channels }])) as Record<
      Kind,
      Record<Channel, boolean>
    >,
    quiet: settings.quietHours !== null,
    quietStart: settings.quietHours?.start ?? "22:00",
    quietEnd: settings.quietHours?.end ?? "07:00",
    emailDelayMinutes: String(settings.emailDelayMinutes),
    sound: settings.sound,
  };
}

/** Only what the person may change: a channel the policy fixes is left out. */
export function changeOf(settings: Settings, form: SettingsForm): SettingsChange {
  const choosable = (channel: Channel) =>
    settings.channels.some((c) => c.channel === channel && c.choosable);
  return {
    ...(choosable("desktop") ? { desktop: form.channels.desktop } : {}),
    ...(choosable("email") ? { email: form.channels.email } : {}),
    ...(choosable("push") ? { push: form.channels.push } : {}),
    ...(choosable("sms") ? { sms: form.channels.sms } : {}),
    kinds: form.kinds,
    quietHours: form.quiet ? { start: form.quietStart, end: form.quietEnd } : null,
    emailDelayMinutes: Number(form.emailDelayMinutes),
    sound: form.sound,
  };
}
