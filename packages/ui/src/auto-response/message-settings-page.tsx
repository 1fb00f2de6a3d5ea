import type { RouterOutputs } from "@hearth/api";
import { useLoaderData } from "@remix-run/react";
import { Alert } from "../components/form";
import { PageHeader } from "../components/shell";
import { trpc } from "../trpc";
import { AutoResponseForm } from "./auto-response-form";
import { BusinessHoursForm } from "./business-hours-form";
import { SignatureForm } from "./signature-form";

export interface MessageSettingsLoaderData {
  autoResponses: RouterOutputs["autoResponses"]["get"];
  signature: RouterOutputs["signature"]["get"];
}

/**
 * Message settings: one's after-hours and vacation replies and signature, and the organization's
 * business hours, each shown as the policy allows (with its reason where it does not).
 */
export function MessageSettingsPage() {
  const initial = useLoaderData<MessageSettingsLoaderData>();
  const data =
    trpc.autoResponses.get.useQuery(undefined, { initialData: initial.autoResponses }).data ??
    initial.autoResponses;
  const { signature } = initial;
  return (
    <div className="mx-auto w-full max-w-3xl space-y-6 p-4 md:p-6">
      <PageHeader
        title="Message settings"
        description="Your auto-responses and signature, and the organization's business hours."
      />
      <section aria-labelledby="auto" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="auto" className="font-semibold text-slate-900">
          Auto-responses
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          Replies that go out for you, marked as automatic: after business hours, or while you are
          away. Never to a broadcast, and never in answer to another automatic reply.
        </p>
        {data.configure.allowed ? (
          <AutoResponseForm initial={data.settings} />
        ) : (
          <Alert tone="info">{data.configure.reason}</Alert>
        )}
      </section>
      <section
        aria-labelledby="signature"
        className="rounded-xl border border-slate-200 bg-white p-4"
      >
        <h2 id="signature" className="mb-3 font-semibold text-slate-900">
          Signature
        </h2>
        {signature.useSignature.allowed ? (
          <SignatureForm initial={signature.signature} />
        ) : (
          <p className="text-sm text-slate-600">{signature.useSignature.reason}</p>
        )}
      </section>
      <section aria-labelledby="hours" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="hours" className="mb-3 font-semibold text-slate-900">
          Business hours
        </h2>
        {data.configureBusinessHours.allowed ? (
          <BusinessHoursForm initial={data.organization} />
        ) : (
          <p className="text-sm text-slate-600">
            {data.organization.hours
              ? `Open ${data.organization.hours.opens}–${data.organization.hours.closes} (${data.organization.timeZone}). `
              : "No business hours are set. "}
            {data.configureBusinessHours.reason}
          </p>
        )}
      </section>
    </div>
  );
}
