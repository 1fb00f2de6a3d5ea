import { type BoardCategory, capitalized, categoryLabels } from "@hearth/policies";

/** The kind of post, pinned, waiting: the small labels a post carries in the list and on its page. */
export function PostBadges({
  category,
  pinned,
  awaitingApproval,
}: {
  category: BoardCategory;
  pinned: boolean;
  awaitingApproval: boolean;
}) {
  return (
    <span className="flex flex-wrap gap-1">
      <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
        {capitalized(categoryLabels[category])}
      </span>
      {pinned ? (
        <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-700">
          Pinned
        </span>
      ) : null}
      {awaitingApproval ? (
        <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-800">
          Waiting for approval
        </span>
      ) : null}
    </span>
  );
}
