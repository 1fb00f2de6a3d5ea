import type { RouterOutputs } from "@hearth/api";
import { Link } from "@remix-run/react";
import { useDateStyle } from "../dates/date-style";
import { dateTime, kindLabels, messageTypeLabels } from "../messenger/format";
import { excerptParts } from "./highlight";
import { messageHref } from "./search-params";

export type Hit = RouterOutputs["search"]["messages"]["hits"][number];

/** The excerpt as text (React escapes it), with the matched words in <mark>. */
function Excerpt({ hit }: { hit: Hit }) {
  return (
    <p className="mt-1 line-clamp-3 whitespace-pre-wrap break-words text-sm text-slate-700">
      {excerptParts(hit.excerpt, hit.highlights).map((part, index) =>
        part.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one excerpt never reorder
          <mark key={index} className="rounded bg-amber-200 px-0.5 text-slate-900">
            {part.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one excerpt never reorder
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}

/** One message found: where, who, when, its badges and excerpt; opens the thread at it. */
export function SearchHit({
  hit,
  threadPath,
  timeZone,
}: {
  hit: Hit;
  threadPath: string;
  timeZone: string;
}) {
  const when = new Date(hit.createdAt);
  const dates = useDateStyle(timeZone);
  return (
    <li>
      <Link
        to={messageHref(threadPath, hit.conversationId, hit.messageId)}
        className="block rounded-xl bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200 hover:ring-brand-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
      >
        <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
          <p className="min-w-0 truncate font-semibold text-slate-900">{hit.conversationTitle}</p>
          <time dateTime={when.toISOString()} className="shrink-0 text-xs text-slate-500">
            {dateTime(when, dates)}
          </time>
        </div>
        <div className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
          <span>{hit.senderName ?? "From the organization"}</span>
          <span aria-hidden="true">·</span>
          <span>{kindLabels[hit.conversationKind]}</span>
          {hit.priority === "high" ? (
            <span className="rounded bg-red-600 px-1.5 font-semibold uppercase text-white">
              High priority
            </span>
          ) : null}
          {hit.type !== "general" ? (
            <span className="rounded bg-slate-100 px-1.5 text-slate-700">
              {messageTypeLabels[hit.type]}
            </span>
          ) : null}
        </div>
        <Excerpt hit={hit} />
      </Link>
    </li>
  );
}
