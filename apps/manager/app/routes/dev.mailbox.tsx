import { dateTime, EmptyState, PageHeader, useDateStyle } from "@hearth/ui";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireManagerUser, rethrowAsResponse } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Dev mailbox · Hearth" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireManagerUser(request);
  return data({ mails: await api.devMailbox.list().catch(rethrowAsResponse) }, { headers });
}

/** Email and SMS the product sent while running locally (no SMTP configured). */
export default function DevMailbox() {
  const { mails } = useLoaderData<typeof loader>();
  const dates = useDateStyle();
  return (
    <main className="mx-auto max-w-3xl p-4 md:p-8">
      <PageHeader
        title="Dev mailbox"
        description="Email and SMS sent by this local install. Links open in the right app."
      />
      {mails.length === 0 ? <EmptyState title="Nothing sent yet" /> : null}
      <ul className="space-y-4">
        {mails.map((mail) => (
          <li key={mail.id} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <p className="text-xs text-slate-500">
              {mail.channel.toUpperCase()} to{" "}
              <strong className="text-slate-700">{mail.recipient}</strong> ·{" "}
              {dateTime(mail.createdAt, dates)}
            </p>
            {mail.subject ? (
              <h2 className="mt-1 font-semibold text-slate-900">{mail.subject}</h2>
            ) : null}
            {Object.keys(mail.headers).length > 0 ? (
              <dl className="mt-1 text-xs text-slate-500">
                {Object.entries(mail.headers).map(([name, value]) => (
                  <div key={name} className="break-all">
                    <dt className="inline font-medium">{name}: </dt>
                    <dd className="inline">{value}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm text-slate-700">
              <Linkified text={mail.body} />
            </pre>
          </li>
        ))}
      </ul>
    </main>
  );
}

/** Plain text with its URLs as links; each part is keyed by where it starts in the text. */
function Linkified({ text }: { text: string }) {
  const parts: { at: number; text: string; url: boolean }[] = [];
  let at = 0;
  for (const piece of text.split(/(https?:\/\/\S+)/)) {
    if (piece) parts.push({ at, text: piece, url: /^https?:\/\//.test(piece) });
    at += piece.length;
  }
  return (
    <>
      {parts.map((part) =>
        part.url ? (
          <a key={part.at} href={part.text} className="text-brand-700 underline">
            {part.text}
          </a>
        ) : (
          <span key={part.at}>{part.text}</span>
        ),
      )}
    </>
  );
}
