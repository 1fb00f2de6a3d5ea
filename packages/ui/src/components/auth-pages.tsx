import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { Alert, Button, Field } from "./form";

interface Problem {
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  email?: string;
  /** The account has two-factor sign-in on: the form shows its Code field. */
  needsCode?: boolean;
}

/** The centred card of the signed-out pages. */
export function AuthCard({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle: string;
  children: React.ReactNode;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-50 to-slate-100 px-4 py-12">
      <div className="w-full max-w-sm rounded-2xl bg-white p-8 shadow-lg ring-1 ring-slate-200">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">Hearth</p>
        <h1 className="mt-1 text-2xl font-bold text-slate-900">{title}</h1>
        <p className="mt-1 text-sm text-slate-600">{subtitle}</p>
        <div className="mt-6">{children}</div>
      </div>
    </main>
  );
}

/** The sign-in page: a plain form that works without JavaScript. */
export function LoginPage({ appName, audience }: { appName: string; audience: string }) {
  const problem = useActionData<Problem>();
  const [params] = useSearchParams();
  const submitting = useNavigation().state !== "idle";
  return (
    <AuthCard title={`Sign in to ${appName}`} subtitle={audience}>
      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        {params.get("reset") && !problem ? (
          <Alert tone="info">Your password was changed. Sign in with the new one.</Alert>
        ) : null}
        {problem?.message && !problem.fieldErrors?.email && !problem.fieldErrors?.code ? (
          <Alert>{problem.message}</Alert>
        ) : null}
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={problem?.email}
          errors={problem?.fieldErrors?.email}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          errors={problem?.fieldErrors?.password}
        />
        {problem?.needsCode ? (
          <p className="text-sm text-slate-600">
            This account has two-factor sign-in: enter your password with the code.
          </p>
        ) : null}
        {problem?.needsCode ? (
          <Field
            label="Code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={7}
            required
            hint="The 6-digit code from your authenticator app."
            errors={problem.fieldErrors?.code}
          />
        ) : null}
        <Button className="w-full" disabled={submitting}>
          {submitting ? "Signing in…" : "Sign in"}
        </Button>
      </Form>
      <p className="mt-4 text-center text-sm">
        <Link to="/forgot-password" className="text-brand-700 hover:underline">
          Forgot password?
        </Link>
      </p>
    </AuthCard>
  );
}

interface InviteData {
  invitation: { email: string; displayName: string; organizationName: string } | null;
  problem: string | null;
}

/** Where an invited person sets a password and becomes connected. */
export function InvitePage() {
  const { invitation, problem } = useLoaderData<InviteData>();
  const result = useActionData<Problem>();
  if (!invitation) {
    return (
      <AuthCard title="Invitation" subtitle="This link cannot be used.">
        <Alert>{problem}</Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={`Join ${invitation.organizationName}`}
      subtitle={`Welcome, ${invitation.displayName}. Choose a password for ${invitation.email}.`}
    >
      <Form method="post" className="space-y-4" noValidate>
        {result?.message && !result.fieldErrors?.password && !result.fieldErrors?.confirm ? (
          <Alert>{result.message}</Alert>
        ) : null}
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters."
          errors={result?.fieldErrors?.password}
        />
        <Field
          label="Repeat password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          errors={result?.fieldErrors?.confirm}
        />
        <Button className="w-full">Set password and connect</Button>
      </Form>
    </AuthCard>
  );
}
