import type { useActionData, useLoaderData } from "@remix-run/react";
import type { boardRoutes } from "../server/board-routes";

type Routes = ReturnType<typeof boardRoutes>;

/** What the board's loaders give the pages, as the browser receives it. */
export type BoardListData = ReturnType<typeof useLoaderData<Routes["listLoader"]>>;
export type BoardPostData = ReturnType<typeof useLoaderData<Routes["postLoader"]>>;
export type BoardPostActionData = ReturnType<typeof useActionData<Routes["postAction"]>>;
export type BoardCreateActionData = ReturnType<typeof useActionData<Routes["createAction"]>>;

export type BoardListPost = BoardListData["posts"][number];
export type BoardComposer = BoardListData["composer"];
export type BoardPost = BoardPostData["post"];
export type BoardComment = BoardPost["comments"][number];
