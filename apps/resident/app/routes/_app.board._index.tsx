import { BoardIndexPage } from "@hearth/ui";
import { board } from "~/shared.server";

export const action = board.createAction;

export default function BoardHome() {
  return <BoardIndexPage />;
}
