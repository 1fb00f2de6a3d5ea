/**
 * Who may read a file, in one query: whoever may read what it belongs to. A file of a board post
 * or comment also needs the board's policy (lease and connection facts), which the caller asks
 * with the post facts this returns.
 */
import type { Database, Kysely, UserKind } from "@hearth/db";

export interface FileReader {
  organizationId: string;
  userId: string;
  kind: UserKind;
}

/**
 * The file if `reader` may read it, as far as rows decide: their own upload that nothing has
 * taken yet; a file of a message they can see in a conversation they take part in; a photo of a
 * maintenance request they may see (managers: every request of the organization; others: the
 * requests they submitted, that were shared with them, or whose thread they take part in); a
 * file of a board post or comment that still stands, returned with `board` set so the caller asks
 * the board's policy. Otherwise undefined, whether it exists or not.
 */
export async function readableAttachment(
  db: Kysely<Database>,
  reader: FileReader,
  attachmentId: string,
) {
  const row = await db
    .selectFrom("attachments as a")
    .leftJoin("messages as m", "m.id", "a.message_id")
    .leftJoin("maintenance_requests as r", (join) =>
      join
        .onRef("r.id", "=", "a.maintenance_request_id")
        .onRef("r.organization_id", "=", "a.organization_id"),
    )
    .leftJoin("board_comments as bc", (join) =>
      join
        .onRef("bc.id", "=", "a.board_comment_id")
        .onRef("bc.organization_id", "=", "a.organization_id"),
    )
    .leftJoin("board_posts as bp", (join) =>
      join
        .on((eb) => eb("bp.id", "=", eb.fn.coalesce("a.board_post_id", "bc.post_id")))
        .onRef("bp.organization_id", "=", "a.organization_id"),
    )
    .select([
      "a.id",
      "a.file_name as fileName",
      "a.mime_type as mimeType",
      (eb) => eb.cast<number>("a.size_bytes", "integer").as("sizeBytes"),
      "a.storage_key as storageKey",
      "bp.id as boardPostId",
      "bp.property_id as boardPropertyId",
      "bp.author_id as boardAuthorId",
      "bp.awaiting_approval as boardAwaitingApproval",
      "bc.hidden_at as commentHiddenAt",
    ])
    .where("a.id", "=", attachmentId)
    .where("a.organization_id", "=", reader.organizationId)
    .where((eb) =>
      eb.or([
        eb.and([
          eb("a.message_id", "is", null),
          eb("a.maintenance_request_id", "is", null),
          eb("a.board_post_id", "is", null),
          eb("a.board_comment_id", "is", null),
          eb("a.uploader_id", "=", reader.userId),
        ]),
        eb.and([
          eb("m.organization_id", "=", reader.organizationId),
          eb("m.deleted_at", "is", null),
          eb.or([eb("m.sent_at", "is not", null), eb("m.sender_id", "=", reader.userId)]),
          eb.exists(
            eb
              .selectFrom("conversation_participants as p")
              .select("p.user_id")
              .whereRef("p.conversation_id", "=", "m.conversation_id")
              .where("p.user_id", "=", reader.userId),
          ),
        ]),
        eb.and([
          eb("r.id", "is not", null),
          eb.or([
            eb.val(reader.kind === "manager"),
            eb("r.submitted_by", "=", reader.userId),
            eb.exists(
              eb
                .selectFrom("maintenance_request_updates as shared")
                .select("shared.id")
                .whereRef("shared.request_id", "=", "r.id")
                .where("shared.kind", "=", "shared")
                .where("shared.shared_with", "=", reader.userId),
            ),
            eb.exists(
              eb
                .selectFrom("conversations as c")
                .innerJoin("conversation_participants as cp", "cp.conversation_id", "c.id")
                .select("cp.user_id")
                .whereRef("c.maintenance_request_id", "=", "r.id")
                .where("c.kind", "=", "maintenance")
                .where("cp.user_id", "=", reader.userId),
            ),
          ]),
        ]),
        eb.and([
          eb("bp.id", "is not", null),
          eb("bp.deleted_at", "is", null),
          eb.or([eb("a.board_comment_id", "is", null), eb("bc.deleted_at", "is", null)]),
        ]),
      ]),
    )
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    boardPostId,
    boardPropertyId,
    boardAuthorId,
    boardAwaitingApproval,
    commentHiddenAt,
    ...file
  } = row;
  return {
    ...file,
    board:
      boardPostId === null
        ? null
        : {
            postId: boardPostId,
            propertyId: boardPropertyId,
            authorId: boardAuthorId,
            awaitingApproval: boardAwaitingApproval ?? false,
            commentHidden: commentHiddenAt !== null,
          },
  };
}

export type ReadableAttachment = NonNullable<Awaited<ReturnType<typeof readableAttachment>>>;
export type BoardFileFacts = NonNullable<ReadableAttachment["board"]>;
