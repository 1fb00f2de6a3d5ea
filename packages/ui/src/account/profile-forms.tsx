import { Form, useNavigation } from "@remix-run/react";
import { Alert, Button, Field } from "../components/form";
import type { AccountActionResult, AccountIntent } from "./action-result";

/** The action's answer if it was for this form. */
export function resultFor(
  result: AccountActionResult | undefined,
  intent: AccountIntent | readonly AccountIntent[],
): AccountActionResult | null {
  if (!result) return null;
  const mine = typeof intent === "string" ? [intent] : intent;
  return mine.includes(result.intent) ? result : null;
}

/** The form's outcome: done (info) or refused for a reason no field shows. */
export function FormOutcome({ result }: { result: AccountActionResult | null }) {
  if (!result?.message) return null;
  if (result.ok) return <Alert tone="info">{result.message}</Alert>;
  return Object.keys(result.fieldErrors).length ? null : <Alert>{result.message}</Alert>;
}

export function AccountSection({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description: string;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="max-w-lg rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <p className="mb-4 text-sm text-slate-600">{description}</p>
      {children}
    </section>
  );
}

function useSubmitting(intent: AccountIntent): boolean {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
}

/** The name other people see. */
export function NameForm({
  displayName,
  result,
}: {
  displayName: string;
  result: AccountActionResult | null;
}) {
  const busy = useSubmitting("name");
  return (
    <AccountSection
      id="name-heading"
      title="Your name"
      description="The name people you message see."
    >
      <Form method="post" className="space-y-3" noValidate>
        <input type="hidden" name="intent" value="name" />
        <FormOutcome result={result} />
        <Field
          label="Name"
          name="displayName"
          autoComplete="name"
          required
          maxLength={200}
          defaultValue={displayName}
          errors={result?.ok ? undefined : result?.fieldErrors.displayName}
        />
        <Button disabled={busy}>{busy ? "Saving…" : "Save name"}</Button>
      </Form>
    </AccountSection>
  );
}

/** A new password, given the current one; other sessions are signed out. */
export function PasswordForm({ result }: { result: AccountActionResult | null }) {
  const busy = useSubmitting("password");
  const errors = result?.ok ? {} : (result?.fieldErrors ?? {});
  return (
    <AccountSection
      id="password-heading"
      title="Password"
      description="Changing it signs you out on every other device."
    >
      {/* A successful change clears the fields: the form is keyed by the answer. */}
      <Form
        method="post"
        className="space-y-3"
        noValidate
        key={result?.ok ? result.message : "form"}
      >
        <input type="hidden" name="intent" value="password" />
        <FormOutcome result={result} />
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          errors={errors.currentPassword}
        />
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters."
          errors={errors.newPassword}
        />
        <Field
          label="Repeat new password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          errors={errors.confirm}
        />
        <Button disabled={busy}>{busy ? "Saving…" : "Change password"}</Button>
      </Form>
    </AccountSection>
  );
}
