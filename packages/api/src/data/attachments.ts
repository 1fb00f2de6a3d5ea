/**
 * The attachments aggregate: uploads waiting for their message, files of a message, and who may
 * read one. Every query is scoped by organization, and reads by the reader's participation.
 */
import type { Database, Kysely, Transaction } from "@hearth/db";
import { TRPCError } from "@trpc/server";

export interface NewUpload {
  organizationId: string;
  uploaderId: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  storageKey: string;
}

/** Files a message can carry at most. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

/** Records a stored upload, not yet on any message. */
export async function insertUpload(db: Kysely<Database>, upload: NewUpload) {
  return db
    .insertInto("attachments")
    .values({
      organization_id: upload.organizationId,
      uploader_id: upload.uploaderId,
      file_name: upload.fileName,
      mime_type: upload.mimeType,
      size_bytes: upload.sizeBytes,
      storage_key: upload.storageKey,
    })
    .returning((eb) => [
      "id",
      "file_name as fileName",
      "mime_type as mimeType",
      eb.cast<number>("size_bytes", "integer").as("sizeBytes"),
    ])
    .executeTakeFirstOrThrow();
}

/**
 * Puts the sender's own unsent uploads on the message, in the transaction that writes it. Any id
 * that is not such an upload (someone else's, already sent, another organization's) refuses the
 * whole send, so the message is never written without its files.
 */
export async function attachToMessage(
  trx: Transaction<Database>,
  message: { organizationId: string; senderId: string; messageId: number },
  attachmentIds: readonly string[],
): Promise<void> {
  if (attachmentIds.length === 0) return;
  const attached = await trx
    .updateTable("attachments")
    .set({ message_id: message.messageId })
    .where("id", "in", [...attachmentIds])
    .where("organization_id", "=", message.organizationId)
    .where("uploader_id", "=", message.senderId)
    .where("message_id", "is", null)
    .where("board_post_id", "is", null)
    .executeTakeFirst();
  if (Number(attached.numUpdatedRows) !== new Set(attachmentIds).size)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "attachmentIds: A file is no longer available; attach it again.",
    });
}

/**
 * The file if `readerId` may read it: their own upload that is not sent yet, or a file of a
 * message they can see in a conversation they take part in. Otherwise undefined, whether it
 * exists or not.
 */
export async function readableAttachment(
  db: Kysely<Database>,
  reader: { organizationId: string; userId: string },
  attachmentId: string,
) {
  return db
    .selectFrom("attachments as a")
    .leftJoin("messages as m", "m.id", "a.message_id")
    .select([
      "a.id",
      "a.file_name as fileName",
      "a.mime_type as mimeType",
      (eb) => eb.cast<number>("a.size_bytes", "integer").as("sizeBytes"),
      "a.storage_key as storageKey",
    ])
    .where("a.id", "=", attachmentId)
    .where("a.organization_id", "=", reader.organizationId)
    .where((eb) =>
      eb.or([
        eb.and([
          eb("a.message_id", "is", null),
          eb("a.board_post_id", "is", null),
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
      ]),
    )
    .executeTakeFirst();
}

/** The files of these messages, in the order they were attached. */
export async function attachmentsOfMessages(db: Kysely<Database>, messageIds: readonly number[]) {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom("attachments")
    .select([
      "id",
      "message_id as messageId",
      "file_name as fileName",
      "mime_type as mimeType",
      (eb) => eb.cast<number>("size_bytes", "integer").as("sizeBytes"),
    ])
    .where("message_id", "in", [...messageIds])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** Every file shared in a conversation the caller takes part in, newest first, with who and when. */
export async function conversationFiles(
  db: Kysely<Database>,
  organizationId: string,
  conversationId: string,
) {
  return db
    .selectFrom("attachments as a")
    .innerJoin("messages as m", "m.id", "a.message_id")
    .leftJoin("users as u", "u.id", "m.sender_id")
    .select([
      "a.id",
      "a.file_name as fileName",
      "a.mime_type as mimeType",
      (eb) => eb.cast<number>("a.size_bytes", "integer").as("sizeBytes"),
      "m.id as messageId",
      "m.sent_at as sharedAt",
      "u.display_name as sharedBy",
    ])
    .where("m.conversation_id", "=", conversationId)
    .where("m.organization_id", "=", organizationId)
    .where("a.organization_id", "=", organizationId)
    .where("m.sent_at", "is not", null)
    .where("m.deleted_at", "is", null)
    .orderBy("m.sent_at", "desc")
    .orderBy("a.created_at", "desc")
    .limit(500)
    .execute();
}

/** Uploads no message took, older than `cutoff`: removed with their bytes by the cleanup job. */
export async function takeUnusedUploads(
  db: Kysely<Database>,
  cutoff: Date,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .deleteFrom("attachments")
    .where("id", "in", (eb) =>
      eb
        .selectFrom("attachments")
        .select("id")
        .where("message_id", "is", null)
        .where("board_post_id", "is", null)
        .where("created_at", "<", cutoff)
        .limit(limit),
    )
    .returning("storage_key")
    .execute();
  return rows.map((row) => row.storage_key);
}
