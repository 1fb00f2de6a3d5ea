/**
 * Recipients of an announcement never see each other: not in the thread header, the participant
 * list, the details panel, read receipts or search's people. Where the profile's broadcasts come
 * from the organization (`broadcastSender`), they don't see the manager who sent it either.
 * Managers see everyone. Every place that lists the people of a conversation asks here.
 */
import { type ConversationKind, sql, type UserKind } from "@hearth/db";

export interface Viewer {
  id: string;
  kind: UserKind;
}

/** Whether this viewer sees the audience of this conversation only through the organization. */
export function hidesAudience(kind: ConversationKind, viewer: Pick<Viewer, "kind">): boolean {
  return kind === "broadcast" && viewer.kind !== "manager";
}

/**
 * Of a conversation's people, those this viewer may see by name: in an announcement a recipient
 * sees themself and, when it comes from its author, the managers who wrote in it.
 */
export function visiblePeople<P extends { id: string; kind: UserKind | string }>(
  people: readonly P[],
  conversation: { kind: ConversationKind; sender: "organization" | "author" },
  viewer: Viewer,
): P[] {
  if (!hidesAudience(conversation.kind, viewer)) return [...people];
  return people.filter(
    (person) =>
      person.id === viewer.id || (conversation.sender === "author" && person.kind === "manager"),
  );
}

/**
 * A condition for queries over a viewer's co-participants: keeps a person unless what is shared
 * with them is an announcement the viewer received. `conversation` is the alias of the
 * conversations table in the query.
 */
export function sharedOutsideAnnouncements(viewerIsManager: boolean, conversation = "c") {
  return viewerIsManager
    ? sql<boolean>`true`
    : sql<boolean>`${sql.ref(`${conversation}.kind`)} <> 'broadcast'`;
}
