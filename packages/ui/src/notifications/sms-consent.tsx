/**
 * Texts on the settings page: the person's mobile number and what they agree to be texted about
 * (emergency, operational, marketing). Each change is written to the consent ledger with the time
 * and "settings" as its source; a STOP sent by text shows here too.
 */
import { type FormEvent, useState } from "react";
import { Button } from "../components/form";
import { trpc } from "../trpc";

const categories = [
  { key: "emergency", label: "Emergencies", hint: "High-priority messages, such as a gas leak." },
  {
    key: "operational",
    label: "Messages and updates",
    hint: "New messages, mentions and maintenance updates.",
  },
  { key: "marketing", label: "News and offers", hint: "Promotions from your organization." },
] as const;

type Categories = Record<(typeof categories)[number]["key"], boolean>;

const checkbox =
  "h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-2 focus:ring-brand-500 disabled:opacity-50";

export function SmsConsentSection() {
  const consent = trpc.sms.consent.useQuery();
  if (consent.isPending || consent.error || !consent.data.offered) return null;
  return <SmsConsentForm initial={consent.data} />;
}

function SmsConsentForm({
  initial,
}: {
  initial: { phone: string | null; stoppedAt: string | Date | null; categories: Categories };
}) {
  const utils = trpc.useUtils();
  const [phone, setPhone] = useState(initial.phone ?? "");
  const [chosen, setChosen] = useState<Categories>(initial.categories);
  const [status, setStatus] = useState<string | null>(null);
  const save = trpc.sms.saveConsent.useMutation({
    onSuccess: () => {
      setStatus("Your text message choices are saved.");
      void utils.sms.consent.invalidate();
    },
    onError: () => setStatus(null),
  });
  const phoneError = save.error?.data?.fieldErrors?.phone?.[0];
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    save.mutate({ phone: phone.trim() === "" ? null : phone, categories: chosen });
  };
  return (
    <form
      onSubmit={onSubmit}
      className="mt-6 max-w-3xl rounded-xl border border-slate-200 bg-white p-5"
      aria-labelledby="sms-consent-title"
    >
      <h2 id="sms-consent-title" className="text-base font-semibold text-slate-900">
        Text messages
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Texts go to this number only for what you tick below. Reply STOP to any text to stop them
        all, START to resume.
      </p>
      {initial.stoppedAt ? (
        <p className="mt-2 text-sm font-medium text-amber-800" role="status">
          You replied STOP: no texts are sent until you reply START.
        </p>
      ) : null}
      <label className="mt-3 block max-w-xs text-sm font-medium text-slate-800">
        Mobile number
        <input
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          placeholder="+15551234567"
          className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2"
          value={phone}
          aria-invalid={Boolean(phoneError) || undefined}
          aria-describedby={phoneError ? "sms-phone-error" : "sms-phone-hint"}
          onChange={(e) => setPhone(e.target.value)}
        />
      </label>
      {phoneError ? (
        <p id="sms-phone-error" className="mt-1 text-sm text-red-700">
          {phoneError}
        </p>
      ) : (
        <p id="sms-phone-hint" className="mt-1 text-xs text-slate-500">
          In international form, with the country code.
        </p>
      )}
      <fieldset className="mt-4">
        <legend className="text-sm font-medium text-slate-800">Text me about</legend>
        <ul className="mt-2 space-y-2">
          {categories.map((category) => (
            <li key={category.key}>
              <label className="flex items-start gap-3 text-sm">
                <input
                  type="checkbox"
                  className={`${checkbox} mt-0.5`}
                  checked={chosen[category.key]}
                  onChange={(e) => setChosen((c) => ({ ...c, [category.key]: e.target.checked }))}
                />
                <span>
                  <span className="block font-medium text-slate-800">{category.label}</span>
                  <span className="block text-slate-600">{category.hint}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="mt-4 flex items-center gap-4">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save text message choices"}
        </Button>
        <p role="status" className="text-sm">
          {save.error && !phoneError ? (
            <span className="text-red-600">{save.error.message}</span>
          ) : status ? (
            <span className="text-green-700">{status}</span>
          ) : null}
        </p>
      </div>
    </form>
  );
}
