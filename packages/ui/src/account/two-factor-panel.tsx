import { Form, useNavigation } from "@remix-run/react";
import { Button, Field } from "../components/form";
import { useDateStyle } from "../dates/date-style";
import { mediumDate } from "../messenger/format";
import type { AccountActionResult, AccountPageData, TwoFactorSetup } from "./action-result";
import { AccountSection, FormOutcome } from "./profile-forms";

/** A base32 secret in groups of four, as authenticator apps ask for it typed in. */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

function CodeField({ errors }: { errors: string[] | undefined }) {
  return (
    <Field
      label="Code"
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 ]*"
      maxLength={7}
      required
      hint="The 6-digit code your authenticator app shows now."
      errors={errors}
    />
  );
}

function SetupSteps({
  setup,
  result,
}: {
  setup: TwoFactorSetup;
  result: AccountActionResult | null;
}) {
  const busy = useNavigation().state === "submitting";
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-3 pl-5 text-sm text-slate-700">
        <li>
          Scan this code with an authenticator app (1Password, Google Authenticator, Authy…).
          {setup.qrDataUrl ? (
            <img
              src={setup.qrDataUrl}
              alt="QR code of your two-factor secret"
              width={176}
              height={176}
              className="mt-2 rounded-lg ring-1 ring-slate-200"
            />
          ) : null}
        </li>
        <li>
          Or type this key in:
          <code className="mt-1 block break-all rounded bg-slate-100 px-2 py-1 font-mono text-sm tracking-wider text-slate-900">
            {groupedSecret(setup.secret)}
          </code>
          <details className="mt-1 text-xs text-slate-500">
            <summary className="cursor-pointer">Setup link (otpauth)</summary>
            <code className="block break-all">{setup.otpauthUrl}</code>
          </details>
        </li>
        <li>Enter the code the app shows to finish.</li>
      </ol>
      <Form method="post" className="space-y-3" noValidate>
        <input type="hidden" name="intent" value="two-factor-enable" />
        <input type="hidden" name="secret" value={setup.secret} />
        <input type="hidden" name="otpauthUrl" value={setup.otpauthUrl} />
        {result && !result.ok ? <FormOutcome result={result} /> : null}
        <CodeField errors={result?.ok ? undefined : result?.fieldErrors.code} />
        <Button disabled={busy}>Turn on two-factor sign-in</Button>
      </Form>
    </div>
  );
}

/**
 * Two-factor sign-in for managers and operators: off → set up with a secret (QR code and typed
 * key) → confirmed with a code → on; turned off again with a current code.
 */
export function TwoFactorPanel({
  status,
  result,
}: {
  status: NonNullable<AccountPageData["twoFactor"]>;
  result: AccountActionResult | null;
}) {
  const setup = result?.setup ?? null;
  const dates = useDateStyle();
  return (
    <AccountSection
      id="two-factor-heading"
      title="Two-factor sign-in"
      description="Ask for a code from an authenticator app as well as your password when you sign in."
    >
      <div className="space-y-4">
        {result?.ok && !setup ? <FormOutcome result={result} /> : null}
        {status.enabled ? (
          <>
            <p className="text-sm text-slate-700">
              <span className="rounded bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800">
                On
              </span>{" "}
              {status.enabledAt ? `since ${mediumDate(status.enabledAt, dates)}` : null}
            </p>
            <p className="text-sm text-slate-600">
              Recovery: Hearth keeps no backup codes. If you lose your authenticator, sign-in needs
              a new setup, so keep the key on a second device or in your password manager.
            </p>
            <Form method="post" className="space-y-3" noValidate>
              <input type="hidden" name="intent" value="two-factor-disable" />
              {result && !result.ok ? <FormOutcome result={result} /> : null}
              <CodeField errors={result?.ok ? undefined : result?.fieldErrors.code} />
              <Button variant="secondary">Turn off two-factor sign-in</Button>
            </Form>
          </>
        ) : setup ? (
          <SetupSteps setup={setup} result={result} />
        ) : (
          <>
            <p className="text-sm text-slate-700">
              <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700">
                Off
              </span>{" "}
              Only your password protects this account.
            </p>
            {result && !result.ok ? <FormOutcome result={result} /> : null}
            <Form method="post">
              <input type="hidden" name="intent" value="two-factor-begin" />
              <Button>Set up two-factor sign-in</Button>
            </Form>
          </>
        )}
      </div>
    </AccountSection>
  );
}
