import { boardCategories, capitalized, categoryLabels } from "@hearth/policies";
import { Form, Link } from "@remix-run/react";
import { useDateStyle } from "../dates/date-style";
import { shortTime } from "../messenger/format";
import { BOARD_PATH, postPath } from "./board-paths";
import type { BoardListData, BoardListPost } from "./loader-data";
import { PostBadges } from "./post-badges";

/** `?q=…&category=…` of the list, so a post's link and the chips keep the other filter. */
export function listQueryOf(search: string, category: string | null): string {
  const params = new URLSearchParams();
  if (search) params.set("q", search);
  if (category) params.set("category", category);
  const query = params.toString();
  return query ? `?${query}` : "";
}

function SearchIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="none" aria-hidden="true" className="h-4 w-4">
      <circle cx="8.5" cy="8.5" r="5.5" stroke="currentColor" strokeWidth="2" />
      <path d="m13 13 4 4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/** The search box: words typed find posts by title and body (a plain GET form). */
function BoardSearch({ search, category }: { search: string; category: string | null }) {
  return (
    <Form method="get" action={BOARD_PATH} role="search" className="flex gap-2">
      <label htmlFor="board-search" className="sr-only">
        Search posts
      </label>
      <input
        id="board-search"
        type="search"
        name="q"
        defaultValue={search}
        maxLength={200}
        placeholder="Search posts"
        className="min-w-0 flex-1 rounded-lg border border-slate-300 px-3 py-2 text-sm outline-none focus:ring-2 focus:ring-brand-500"
      />
      {category ? <input type="hidden" name="category" value={category} /> : null}
      <button
        type="submit"
        aria-label="Search"
        className="rounded-lg border border-slate-300 px-3 text-slate-700 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500"
      >
        <SearchIcon />
      </button>
    </Form>
  );
}

function CategoryChips({ search, category }: { search: string; category: string | null }) {
  const chips = [
    { value: null, label: "All" },
    ...boardCategories.map((value) => ({ value, label: capitalized(categoryLabels[value]) })),
  ];
  return (
    <nav aria-label="Kinds of posts" className="flex flex-wrap gap-1.5">
      {chips.map((chip) => {
        const current = chip.value === category;
        return (
          <Link
            key={chip.value ?? "all"}
            to={`${BOARD_PATH}${listQueryOf(search, chip.value)}`}
            aria-current={current ? "page" : undefined}
            className={`rounded-full px-2.5 py-1 text-xs font-medium ring-1 ${
              current
                ? "bg-brand-600 text-white ring-brand-600"
                : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"
            }`}
          >
            {chip.label}
          </Link>
        );
      })}
    </nav>
  );
}

function PostRow({
  post,
  active,
  listQuery,
  timeZone,
}: {
  post: BoardListPost;
  active: boolean;
  listQuery: string;
  timeZone: string;
}) {
  const comments = post.commentCount === 1 ? "1 comment" : `${post.commentCount} comments`;
  const dates = useDateStyle(timeZone);
  return (
    <li>
      <Link
        to={postPath(post.id, listQuery)}
        aria-current={active ? "page" : undefined}
        className={`block border-b border-slate-100 px-4 py-3 hover:bg-slate-50 ${active ? "bg-brand-50" : ""}`}
      >
        <PostBadges
          category={post.category}
          pinned={post.pinnedAt !== null}
          awaitingApproval={post.awaitingApproval}
        />
        <p className="mt-1 truncate font-medium text-slate-900">{post.title}</p>
        <p className="mt-0.5 truncate text-xs text-slate-600">
          {post.authorName ?? "Former member"} · {shortTime(post.createdAt, dates)} · {comments}
        </p>
      </Link>
    </li>
  );
}

/** The PB channel's sidebar: search, kinds of posts, and the posts (pinned, then newest first). */
export function BoardPostList({
  data,
  activeId,
}: {
  data: BoardListData;
  activeId: string | undefined;
}) {
  const { posts, search, category, timeZone } = data;
  const listQuery = listQueryOf(search, category);
  return (
    <>
      <div className="space-y-3 border-b border-slate-200 p-4">
        <div>
          <h1 className="text-lg font-bold text-slate-900">Property Message Board</h1>
          <p className="text-xs text-slate-500">PB channel · newest first</p>
        </div>
        <BoardSearch search={search} category={category} />
        <CategoryChips search={search} category={category} />
        {data.composer.publish.allowed ? (
          <Link to={BOARD_PATH} className="inline-block text-sm font-semibold text-brand-700">
            New post
          </Link>
        ) : null}
      </div>
      {posts.length === 0 ? (
        <p className="p-6 text-center text-sm text-slate-600" role="status">
          {search || category ? "No posts match." : "Nothing has been posted yet."}
        </p>
      ) : (
        <ul aria-label="Posts" className="min-h-0 flex-1 overflow-y-auto">
          {posts.map((post) => (
            <PostRow
              key={post.id}
              post={post}
              active={post.id === activeId}
              listQuery={listQuery}
              timeZone={timeZone}
            />
          ))}
        </ul>
      )}
    </>
  );
}
