/** Where the board lives in both apps, and the forms its pages post. */
export const BOARD_PATH = "/board";

/** The `intent` of each form on the board's pages. */
export const boardIntents = [
  "create",
  "comment",
  "deleteComment",
  "hideComment",
  "toggleComments",
  "pin",
  "approve",
  "deletePost",
  "markSeen",
] as const;

export type BoardIntent = (typeof boardIntents)[number];

/** A post's page, keeping the list's search and category. */
export function postPath(postId: string, listQuery: string): string {
  return `${BOARD_PATH}/${postId}${listQuery}`;
}
