import { BoardPage, InFrameErrorPage } from "@hearth/ui";
import type { MetaFunction } from "@remix-run/node";
import { board } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Property Message Board · Hearth" }];
export const loader = board.listLoader;
// A refusal ("you need an active lease …") shows inside the app's frame, with its reason.
export const ErrorBoundary = InFrameErrorPage;

export default function Board() {
  return <BoardPage />;
}
