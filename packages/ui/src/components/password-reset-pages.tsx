import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuthCard } from "./auth-pages";
import { Alert, Button, Field } from "./form";

interface ForgotResult {
  sent: boolean;
  message: string;
  email: string;
  fieldErrors: Record<string, string[] | undefined>;
}

function BackToSignIn() {
  return (
    <p className="mt-4 text-center text-sm">
      <Link to="/login" className="text-brand-700 hover:underline">
        Back to sign in
      </Link>
    </p>
  );
}

/** "Forgot password?": asks for the email and says the same whether or not it has an account. */
export function ForgotPasswordPage() {
  const result = useActionData<ForgotResult>();
  const submitting = useNavigation().state !== "idle";
  return (
    <AuthCard
      title="Forgot your password?"
      subtitle="Enter the email you sign in with. We'll send a link to choose a new password."
    >
      {result?.sent ? (
        <Alert tone="info">{result.message}</Alert>
      ) : (
        <Form method="post" className="space-y-4" noValidate>
          {result?.message && !result.fieldErrors.email ? <Alert>{result.message}</Alert> : null}
          <Field
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={result?.email}
            errors={result?.fieldErrors.email}
          />
          <Button className="w-full" disabled={submitting}>
            {submitting ? "Sending…" : "Send reset link"}
          </Button>
        </Form>
      )}
      <BackToSignIn />
    </AuthCard>
  );
}

interface ResetData {
  email: string | null;
  problem: string | null;
}

interface ResetProblem {
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
}

/** Where a reset link lands: a new password, then sign in again (every session was ended). */
export function ResetPasswordPage() {
  const { email, problem } = useLoaderData<ResetData>();
  const result = useActionData<ResetProblem>();
  const submitting = useNavigation().state !== "idle";
  if (!email) {
    return (
      <AuthCard title="Reset password" subtitle="This link cannot be used.">
        <Alert>{problem}</Alert>
        <p className="mt-4 text-center text-sm">
          <Link to="/forgot-password" className="text-brand-700 hover:underline">
            Ask for a new link
          </Link>
        </p>
      </AuthCard>
    );
  }
  const fieldErrors = result?.fieldErrors ?? {};
  return (
    <AuthCard
      title="Choose a new password"
      subtitle={`For ${email}. You'll be signed out everywhere and sign in again with it.`}
    >
      <Form method="post" className="space-y-4" noValidate>
        {result?.message && !fieldErrors.password && !fieldErrors.confirm ? (
          <Alert>{result.message}</Alert>
        ) : null}
        <Field
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters."
          errors={fieldErrors.password}
        />
        <Field
          label="Repeat new password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          errors={fieldErrors.confirm}
        />
        <Button className="w-full" disabled={submitting}>
          {submitting ? "Saving…" : "Set new password"}
        </Button>
      </Form>
      <BackToSignIn />
    </AuthCard>
  );
}
