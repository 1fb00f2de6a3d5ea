import { Button, dateTime, EmptyState, Field, PageHeader, useDateStyle } from "@hearth/ui";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { problemOf, requireManagerUser, rethrowAsResponse } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Dev SMS outbox · Hearth" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireManagerUser(request);
  return data(await api.devSms.list().catch(rethrowAsResponse), { headers });
}

/** A reply from a phone, as Twilio's webhook would bring it (STOP, START, HELP …). */
export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireManagerUser(request);
  const form = await request.formData();
  try {
    const outcome = await api.devSms.reply({
      from: String(form.get("from") ?? ""),
      body: String(form.get("body") ?? ""),
    });
    const message =
      outcome.intent === "other"
        ? "Received. It is not a keyword, so nothing changed."
        : `Received ${outcome.intent.toUpperCase()}: ${outcome.changed} ${outcome.changed === 1 ? "person" : "people"} changed${outcome.answered ? ", answer queued" : ""}.`;
    const fieldErrors: Record<string, string[]> = {};
    return data({ ok: true as const, message, fieldErrors }, { headers });
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    return data(
      {
        ok: false as const,
        message: problem.body.message,
        fieldErrors: (problem.body.fieldErrors ?? {}) as Record<string, string[]>,
      },
      { status: problem.status, headers },
    );
  }
}

/** Texts the product sent while running locally (Twilio not configured), and replies to them. */
export default function DevSms() {
  const { texts, ledger } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const sending = useNavigation().state === "submitting";
  const dates = useDateStyle();
  return (
    <main className="mx-auto max-w-3xl p-4 md:p-8">
      <PageHeader
        title="Dev SMS outbox"
        description="Texts sent by this local install, and a phone to reply from (as Twilio's webhook would)."
      />
      <section
        aria-labelledby="reply-title"
        className="mb-6 rounded-xl bg-white p-5 ring-1 ring-slate-200"
      >
        <h2 id="reply-title" className="font-semibold text-slate-900">
          Reply from a phone
        </h2>
        <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-[12rem_1fr_auto] sm:items-end">
          <Field
            label="From number"
            name="from"
            type="tel"
            placeholder="+15551234567"
            defaultValue={texts[0]?.recipient ?? ""}
            errors={result?.fieldErrors.from}
            required
          />
          <Field
            label="Reply"
            name="body"
            placeholder="STOP"
            errors={result?.fieldErrors.body}
            required
          />
          <Button type="submit" disabled={sending}>
            {sending ? "Sending…" : "Send reply"}
          </Button>
        </Form>
        <p role="status" className="mt-2 text-sm">
          {result ? (
            <span className={result.ok ? "text-green-700" : "text-red-700"}>{result.message}</span>
          ) : null}
        </p>
      </section>

      <h2 className="mb-2 font-semibold text-slate-900">Texts sent</h2>
      {texts.length === 0 ? <EmptyState title="Nothing texted yet" /> : null}
      <ul className="space-y-3" aria-label="Texts sent">
        {texts.map((text) => (
          <li key={text.id} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <p className="text-xs text-slate-500">
              SMS to <strong className="text-slate-700">{text.recipient}</strong> ·{" "}
              {dateTime(text.createdAt, dates)}
            </p>
            <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-800">
              {text.body}
            </p>
          </li>
        ))}
      </ul>

      <h2 className="mb-2 mt-8 font-semibold text-slate-900">Consent ledger</h2>
      {ledger.length === 0 ? <EmptyState title="No opt-ins or opt-outs yet" /> : null}
      <ul className="space-y-1 text-sm text-slate-700" aria-label="Consent ledger">
        {ledger.map((line) => (
          <li key={line.id}>
            {dateTime(line.at, dates)} · {line.phone} ·{" "}
            {line.action === "opt_in" ? "Opted in" : "Opted out"} ({line.category ?? "all texts"})
            via {line.source === "settings" ? "settings" : "text reply"}
            {line.detail ? `: “${line.detail}”` : ""}
          </li>
        ))}
      </ul>
    </main>
  );
}
