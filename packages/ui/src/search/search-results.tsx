import type { RouterOutputs } from "@hearth/api";
import { Link } from "@remix-run/react";
import { EmptyState } from "../components/shell";
import { messageTypeLabels } from "../messenger/format";
import { SearchHit } from "./search-hit";
import { type SearchForm, searchHref } from "./search-params";

type Result = RouterOutputs["search"]["messages"];

/** Counts of everything that matched, each a link that narrows the search to it. */
function Facets({ facets, form }: { facets: NonNullable<Result["facets"]>; form: SearchForm }) {
  const groups = [
    {
      label: "By type",
      items: facets.types.map((f) => ({
        key: f.type,
        label: messageTypeLabels[f.type],
        count: f.count,
        href: searchHref({ ...form, type: f.type }),
      })),
    },
    {
      label: "By property",
      items: facets.properties.map((f) => ({
        key: f.id,
        label: f.name,
        count: f.count,
        href: searchHref({ ...form, propertyId: f.id }),
      })),
    },
  ].filter((group) => group.items.length > 0);
  if (groups.length === 0) return null;
  return (
    <div className="mb-4 space-y-2 text-sm">
      {groups.map((group) => (
        <div key={group.label} className="flex flex-wrap items-center gap-2">
          <span className="text-xs font-medium text-slate-600">{group.label}</span>
          <ul className="flex flex-wrap gap-2">
            {group.items.map((item) => (
              <li key={item.key}>
                <Link
                  to={item.href}
                  className="inline-flex items-center gap-1 rounded-full bg-white px-2.5 py-0.5 text-slate-700 ring-1 ring-slate-200 hover:ring-brand-500"
                >
                  {item.label}
                  <span className="text-xs font-semibold text-slate-500">{item.count}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** A page of hits with its facets and the way to the next page, or why there is nothing. */
export function SearchResults({
  result,
  form,
  onLaterPage,
  threadPath,
  timeZone,
}: {
  result: Result;
  form: SearchForm;
  onLaterPage: boolean;
  threadPath: string;
  timeZone: string;
}) {
  if (result.hits.length === 0) {
    return (
      <EmptyState title={onLaterPage ? "No more messages match" : "No messages match"}>
        Try other words, fewer filters or a wider range of days.
      </EmptyState>
    );
  }
  return (
    <section aria-label="Search results">
      {result.facets ? <Facets facets={result.facets} form={form} /> : null}
      <ol className="space-y-2" aria-label="Messages found">
        {result.hits.map((hit) => (
          <SearchHit key={hit.messageId} hit={hit} threadPath={threadPath} timeZone={timeZone} />
        ))}
      </ol>
      <nav aria-label="Result pages" className="mt-4 flex justify-between gap-3 text-sm">
        {onLaterPage ? (
          <Link
            to={searchHref(form)}
            className="rounded-lg px-3 py-2 text-brand-700 hover:bg-white"
          >
            First page
          </Link>
        ) : (
          <span />
        )}
        {result.nextCursor ? (
          <Link
            to={searchHref(form, result.nextCursor)}
            className="rounded-lg px-3 py-2 font-semibold text-brand-700 ring-1 ring-slate-300 hover:bg-white"
          >
            Next page
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
