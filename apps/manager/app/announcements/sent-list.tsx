import { dateTime, useDateStyle } from "@hearth/ui";
import { Link } from "@remix-run/react";

export interface SentAnnouncement {
  id: string;
  sentAt: string | Date;
  authorName: string | null;
  body: string | null;
  delivered: number;
  readCount: number;
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
                </p>
              </div>
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
