import { dateTime, useDateStyle } from "@hearth/ui";
import { Form, Link } from "@remix-run/react";

export interface SentAnnouncement {
  id: string;
  sentAt: string | Date;
  authorName: string | null;
  body: string | null;
  delivered: number;
  readCount: number;
  pinnedUntil: string | Date | null;
  expiresAt: string | Date | null;
}

type Dates = ReturnType<typeof useDateStyle>;

function isPinned(row: SentAnnouncement, now: Date | undefined): boolean {
  return row.pinnedUntil !== null && now !== undefined && new Date(row.pinnedUntil) > now;
}

/** " · Pinned until …", " · Expires …" or " · Expired …", as far as they apply. */
function lifeOf(row: SentAnnouncement, dates: Dates): string {
  const parts: string[] = [];
  if (isPinned(row, dates.now) && row.pinnedUntil)
    parts.push(`Pinned until ${dateTime(row.pinnedUntil, dates)}`);
  if (row.expiresAt && dates.now) {
    const expired = new Date(row.expiresAt) <= dates.now;
    parts.push(`${expired ? "Expired" : "Expires"} ${dateTime(row.expiresAt, dates)}`);
  }
  return parts.map((part) => ` · ${part}`).join("");
}

/** The organization's announcements, each with "2 of 3 read" and a link to its report. */
export function SentAnnouncements({
  rows,
  timeZone,
}: {
  rows: readonly SentAnnouncement[];
  timeZone: string;
}) {
  const dates = useDateStyle(timeZone);
  return (
    <section aria-labelledby="sent-heading" className="mt-8">
      <h2 id="sent-heading" className="mb-3 text-lg font-semibold text-slate-900">
        Sent announcements
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">
          Announcements you send appear here with who read them.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          {rows.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
              <div className="min-w-0 flex-1 basis-64">
                <p className="line-clamp-1 text-sm text-slate-900">{row.body}</p>
                <p className="text-xs text-slate-500">
                  {dateTime(row.sentAt, dates)}
                  {row.authorName ? ` · by ${row.authorName}` : ""}
                  {lifeOf(row, dates)}
                </p>
              </div>
              {isPinned(row, dates.now) ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="unpin" />
                  <input type="hidden" name="conversationId" value={row.id} />
                  <input
                    type="hidden"
                    name="expiresAt"
                    value={row.expiresAt ? new Date(row.expiresAt).toISOString() : ""}
                  />
                  <button
                    type="submit"
                    className="rounded-lg px-2 py-1 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
                  >
                    Unpin
                  </button>
                </Form>
              ) : null}
              <Link
                to={`/broadcasts/${row.id}`}
                className="text-sm font-medium text-brand-700 hover:underline"
              >
                {row.readCount} of {row.delivered} read
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
