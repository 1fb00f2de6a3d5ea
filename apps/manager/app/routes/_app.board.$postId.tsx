import { BoardPostPage, InFrameErrorPage } from "@hearth/ui";
import type { MetaFunction } from "@remix-run/node";
import { board } from "~/shared.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.post.title ?? "Post"} · Property Message Board · Hearth` },
];
export const loader = board.postLoader;
export const action = board.postAction;
export const ErrorBoundary = InFrameErrorPage;

export default function BoardPost() {
  return <BoardPostPage />;
}
