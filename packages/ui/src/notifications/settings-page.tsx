/** Notification settings, the same page in both apps: channels, kinds, quiet hours, email delay. */
import { useLoaderData } from "@remix-run/react";
import { type FormEvent, useState } from "react";
import { Button } from "../components/form";
import { PageHeader } from "../components/shell";
import { trpc } from "../trpc";
import { playChime } from "./chime";
import { DesktopPermission } from "./desktop-permission";
import { PushDevice } from "./push-device";
import { changeOf, formOf, type Settings, type SettingsForm } from "./settings-form";
import { SmsConsentSection } from "./sms-consent";

const checkbox =
  "h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-2 focus:ring-brand-500 disabled:opacity-50";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

export function NotificationSettingsPage() {
  const loaded = useLoaderData<{ settings: Settings }>();
  const [settings, setSettings] = useState(loaded.settings);
  const [form, setForm] = useState<SettingsForm>(() => formOf(loaded.settings));
  const [status, setStatus] = useState<string | null>(null);
  const save = trpc.notifications.updateSettings.useMutation({
    onSuccess: (saved) => {
      setSettings(saved);
      setForm(formOf(saved));
      setStatus("Your notification settings are saved.");
    },
    onError: () => setStatus(null),
  });
  const offered = (channel: string) =>
    settings.channels.some((c) => c.channel === channel && c.offered);
  // Per kind, a channel is the person's to switch when the channel itself is (in-app always is).
  const switchable = (channel: Settings["channels"][number]) =>
    channel.channel === "in_app" || channel.choosable;
  const update = (change: Partial<SettingsForm>) => setForm((f) => ({ ...f, ...change }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    save.mutate(changeOf(settings, form));
  };
  const fieldErrors = save.error?.data?.fieldErrors ?? {};

  return (
    <>
      <PageHeader
        title="Notification settings"
        description="Choose how you hear about new messages, mentions, broadcasts and maintenance updates."
      />
      <form onSubmit={onSubmit} className="max-w-3xl space-y-6" aria-describedby="settings-status">
        <Section title="Channels">
          <ul className="space-y-3">
            {settings.channels.map((channel) => (
              <li key={channel.channel}>
                <label className="flex items-start gap-3">
                  <input
                    type="checkbox"
                    className={`${checkbox} mt-0.5`}
                    checked={form.channels[channel.channel]}
                    disabled={!channel.choosable}
                    aria-describedby={`channel-${channel.channel}-reason`}
                    onChange={(e) =>
                      update({
                        channels: { ...form.channels, [channel.channel]: e.target.checked },
                      })
                    }
                  />
                  <span>
                    <span className="block text-sm font-medium text-slate-800">
                      {channel.label}
                    </span>
                    <span
                      id={`channel-${channel.channel}-reason`}
                      className="block text-sm text-slate-600"
                    >
                      {channel.reason}
                    </span>
                  </span>
                </label>
                {channel.channel === "desktop" && channel.offered ? <DesktopPermission /> : null}
                {channel.channel === "push" && channel.offered ? (
                  <PushDevice channelOn={channel.on} />
                ) : null}
              </li>
            ))}
          </ul>
        </Section>

        <Section title="What you're notified about">
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">
                Notification channels for each kind of notification
              </caption>
              <thead>
                <tr className="text-slate-600">
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Kind
                  </th>
                  {settings.channels.map((c) => (
                    <th key={c.channel} scope="col" className="px-3 py-2 text-center font-medium">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {settings.kinds.map((kind) => (
                  <tr key={kind.kind}>
                    <th scope="row" className="py-2 pr-4 font-medium text-slate-800">
                      {kind.label}
                    </th>
                    {settings.channels.map((c) => (
                      <td key={c.channel} className="px-3 py-2 text-center">
                        <input
                          type="checkbox"
                          className={checkbox}
                          aria-label={`${kind.label}: ${c.label}`}
                          disabled={!switchable(c)}
                          checked={switchable(c) ? form.kinds[kind.kind][c.channel] : c.on}
                          onChange={(e) =>
                            update({
                              kinds: {
                                ...form.kinds,
                                [kind.kind]: {
                                  ...form.kinds[kind.kind],
                                  [c.channel]: e.target.checked,
                                },
                              },
                            })
                          }
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="mt-2 text-xs text-slate-500">
            Unread counts stay in the app whatever you choose here.
          </p>
        </Section>

        <Section title="Quiet hours">
          <label className="flex items-center gap-3 text-sm font-medium text-slate-800">
            <input
              type="checkbox"
              className={checkbox}
              checked={form.quiet}
              onChange={(e) => update({ quiet: e.target.checked })}
            />
            No desktop or push notifications, sounds, emails or texts during quiet hours
          </label>
          <div className="mt-3 flex flex-wrap items-end gap-4">
            <label className="text-sm text-slate-700">
              From
              <input
                type="time"
                className="mt-1 block rounded-lg border border-slate-300 px-3 py-2"
                value={form.quietStart}
                disabled={!form.quiet}
                aria-invalid={Boolean(fieldErrors.quietHours) || undefined}
                onChange={(e) => update({ quietStart: e.target.value })}
              />
            </label>
            <label className="text-sm text-slate-700">
              Until
              <input
                type="time"
                className="mt-1 block rounded-lg border border-slate-300 px-3 py-2"
                value={form.quietEnd}
                disabled={!form.quiet}
                onChange={(e) => update({ quietEnd: e.target.value })}
              />
            </label>
            <p className="text-sm text-slate-600">Times are in {settings.timeZone}.</p>
          </div>
          <p className="mt-2 text-sm text-slate-600">
            {settings.urgentBreaksQuietHours
              ? "High-priority messages still reach you during quiet hours."
              : "Your organization holds every message until quiet hours end, high priority included."}
          </p>
        </Section>

        <Section title="Email and sound">
          <label className="block max-w-xs text-sm font-medium text-slate-800">
            Email me about unread messages after (minutes)
            <input
              type="number"
              min={1}
              max={1440}
              inputMode="numeric"
              className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2"
              value={form.emailDelayMinutes}
              disabled={!offered("email")}
              aria-invalid={Boolean(fieldErrors.emailDelayMinutes) || undefined}
              aria-describedby="email-delay-hint"
              onChange={(e) => update({ emailDelayMinutes: e.target.value })}
            />
          </label>
          <p id="email-delay-hint" className="mt-1 text-xs text-slate-500">
            One email lists everything still unread by then; what you read meanwhile is left out.
          </p>
          <div className="mt-4 flex flex-wrap items-center gap-4">
            <label className="flex items-center gap-3 text-sm font-medium text-slate-800">
              <input
                type="checkbox"
                className={checkbox}
                checked={form.sound}
                onChange={(e) => update({ sound: e.target.checked })}
              />
              Play a sound for new messages
            </label>
            <button
              type="button"
              onClick={playChime}
              className="text-sm font-semibold text-brand-700 hover:underline"
            >
              Play a test sound
            </button>
          </div>
        </Section>

        <div className="flex items-center gap-4">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save settings"}
          </Button>
          <p id="settings-status" role="status" className="text-sm">
            {save.error ? (
              <span className="text-red-600">{save.error.message}</span>
            ) : status ? (
              <span className="text-green-700">{status}</span>
            ) : null}
          </p>
        </div>
      </form>
      <SmsConsentSection />
    </>
  );
}
