/**
 * The attachments aggregate: uploads waiting for what they will belong to (a message, a
 * maintenance request, a board post or comment), and the files of each. Every query is scoped by
 * organization; who may read a file is `attachment-access.ts`.
 */
import { type Database, type Kysely, sql, type Transaction } from "@hearth/db";
import { TRPCError } from "@trpc/server";

export interface NewUpload {
  organizationId: string;
  uploaderId: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  storageKey: string;
}

/** Files a message (or request, post, comment) can carry at most. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

/** Records a stored upload, not yet on anything. */
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

/** What a file belongs to: a message, a request (and its thread's message), a post or a comment. */
export interface AttachmentOwner {
  message_id?: number;
  maintenance_request_id?: string;
  board_post_id?: string;
  board_comment_id?: string;
}

/**
 * Puts the uploader's own unattached uploads on `owner`, in the transaction that writes it. Any id
 * that is not such an upload (someone else's, already used, another organization's) refuses the
 * whole write, so nothing is written without its files. Returns the names of the files taken.
 */
export async function takeUploads(
  trx: Transaction<Database>,
  uploader: { organizationId: string; uploaderId: string },
  attachmentIds: readonly string[],
  owner: AttachmentOwner,
): Promise<string[]> {
  if (attachmentIds.length === 0) return [];
  const taken = await trx
    .updateTable("attachments")
    .set(owner)
    .where("id", "in", [...attachmentIds])
    .where("organization_id", "=", uploader.organizationId)
    .where("uploader_id", "=", uploader.uploaderId)
    .where("message_id", "is", null)
    .where("maintenance_request_id", "is", null)
    .where("board_post_id", "is", null)
    .where("board_comment_id", "is", null)
    .returning("file_name")
    .execute();
  if (taken.length !== new Set(attachmentIds).size)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "attachmentIds: A file is no longer available; attach it again.",
    });
  return taken.map((row) => row.file_name);
}

/** Writes the names of a message's files onto it, where message search finds them. */
async function recordFileNames(trx: Transaction<Database>, messageId: number): Promise<void> {
  await trx
    .updateTable("messages")
    .set((eb) => ({
      file_names: eb
        .selectFrom("attachments as a")
        .select(
          sql<string>`left(string_agg(a.file_name, ' ' order by a.created_at, a.id), 3000)`.as(
            "names",
          ),
        )
        .where("a.message_id", "=", messageId),
    }))
    .where("id", "=", messageId)
    .execute();
}

/** Puts the sender's own unattached uploads on the message, in the transaction that writes it. */
export async function attachToMessage(
  trx: Transaction<Database>,
  message: { organizationId: string; senderId: string; messageId: number },
  attachmentIds: readonly string[],
): Promise<void> {
  const names = await takeUploads(
    trx,
    { organizationId: message.organizationId, uploaderId: message.senderId },
    attachmentIds,
    { message_id: message.messageId },
  );
  if (names.length) await recordFileNames(trx, message.messageId);
}

/**
 * Puts the submitter's photos on a maintenance request and, when it has a thread, on the thread's
 * first message too, so the thread and its "View Files" show them.
 */
export async function attachToRequest(
  trx: Transaction<Database>,
  request: {
    organizationId: string;
    submitterId: string;
    requestId: string;
    messageId: number | null;
  },
  attachmentIds: readonly string[],
): Promise<void> {
  const names = await takeUploads(
    trx,
    { organizationId: request.organizationId, uploaderId: request.submitterId },
    attachmentIds,
    request.messageId === null
      ? { maintenance_request_id: request.requestId }
      : { maintenance_request_id: request.requestId, message_id: request.messageId },
  );
  if (names.length && request.messageId !== null) await recordFileNames(trx, request.messageId);
}

/** A request's photos join the first message of a thread created for it later (on sharing). */
export async function carryRequestFilesToThread(
  trx: Transaction<Database>,
  organizationId: string,
  requestId: string,
  messageId: number,
): Promise<void> {
  const moved = await trx
    .updateTable("attachments")
    .set({ message_id: messageId })
    .where("maintenance_request_id", "=", requestId)
    .where("organization_id", "=", organizationId)
    .where("message_id", "is", null)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) > 0) await recordFileNames(trx, messageId);
}

/** The files of these requests, posts or comments, in the order they were attached. */
export async function attachmentsOf(
  db: Kysely<Database>,
  organizationId: string,
  owner: "maintenance_request_id" | "board_post_id" | "board_comment_id",
  ownerIds: readonly string[],
) {
  if (ownerIds.length === 0) return [];
  return db
    .selectFrom("attachments")
    .select([
      "id",
      `${owner} as ownerId`,
      "file_name as fileName",
      "mime_type as mimeType",
      (eb) => eb.cast<number>("size_bytes", "integer").as("sizeBytes"),
    ])
    .where(owner, "in", [...ownerIds])
    .where("organization_id", "=", organizationId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** Files grouped by what they belong to, for attaching to listed rows. */
export function groupByOwner<T extends { ownerId: string | null }>(
  files: readonly T[],
): Map<string, Omit<T, "ownerId">[]> {
  const groups = new Map<string, Omit<T, "ownerId">[]>();
  for (const { ownerId, ...file } of files) {
    if (ownerId === null) continue;
    const list = groups.get(ownerId) ?? [];
    list.push(file);
    groups.set(ownerId, list);
  }
  return groups;
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
        .where("maintenance_request_id", "is", null)
        .where("board_post_id", "is", null)
        .where("board_comment_id", "is", null)
        .where("created_at", "<", cutoff)
        .limit(limit),
    )
    .returning("storage_key")
    .execute();
  return rows.map((row) => row.storage_key);
}
