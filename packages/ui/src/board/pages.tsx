import {
  Outlet,
  useActionData,
  useLoaderData,
  useParams,
  useRouteLoaderData,
} from "@remix-run/react";
import { MessengerLayout } from "../messenger/layout";
import type { boardRoutes } from "../server/board-routes";
import { BOARD_PATH } from "./board-paths";
import { NewPostForm } from "./new-post-form";
import { BoardPostList, listQueryOf } from "./post-list";
import { PostView } from "./post-view";

type Routes = ReturnType<typeof boardRoutes>;

/** Both apps name the board's layout route file the same, so its data has this id in both. */
const BOARD_ROUTE_ID = "routes/_app.board";

/** The board: its list of posts beside the open post (on a phone one at a time). */
export function BoardPage() {
  const data = useLoaderData<Routes["listLoader"]>();
  const { postId } = useParams();
  return (
    <MessengerLayout open={Boolean(postId)} list={<BoardPostList data={data} activeId={postId} />}>
      <Outlet />
    </MessengerLayout>
  );
}

/** No post open: the new-post form where the viewer may publish, else a pointer to the list. */
export function BoardIndexPage() {
  const list = useRouteLoaderData<Routes["listLoader"]>(BOARD_ROUTE_ID);
  const problem = useActionData<Routes["createAction"]>();
  if (list?.composer.publish.allowed) {
    return (
      <div className="overflow-y-auto p-4 md:p-6">
        <NewPostForm composer={list.composer} problem={problem} />
      </div>
    );
  }
  return (
    <div className="flex flex-1 items-center justify-center bg-slate-50 p-8 text-center">
      <div>
        <p className="font-medium text-slate-800">Choose a post</p>
        <p className="mt-1 text-sm text-slate-500">
          Job postings, items for sale or wanted, lost and found, notices and announcements.
        </p>
      </div>
    </div>
  );
}

export function BoardPostPage() {
  const { post, isManager, viewerId, timeZone } = useLoaderData<Routes["postLoader"]>();
  const problem = useActionData<Routes["postAction"]>();
  const list = useRouteLoaderData<Routes["listLoader"]>(BOARD_ROUTE_ID);
  const backTo = `${BOARD_PATH}${list ? listQueryOf(list.search, list.category) : ""}`;
  return (
    <PostView
      key={post.id}
      post={post}
      problem={problem}
      isManager={isManager}
      viewerId={viewerId}
      timeZone={timeZone}
      backTo={backTo}
    />
  );
}
