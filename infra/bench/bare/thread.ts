/**
 * A thread page's SQL as the product runs it for a manager who sees read receipts
 * (packages/api/src/messaging/thread.ts `threadPageQuery` and `readersQuery`, in parallel, then
 * the page's files as packages/api/src/data/attachments.ts `attachmentsOfMessages` reads them),
 * without the participation check, the policy scope and the per-message capabilities. Keep in
 * step with those files.
 */
import type { Database, Kysely } from "@hearth/db";

const PAGE_SIZE = 30;

export async function threadPage(
  db: Kysely<Database>,
  conversationId: string,
  viewerId: string,
  before: number | undefined,
) {
  let query = db
    .selectFrom("messages as m")
    .leftJoin("users as s", "s.id", "m.sender_id")
    .select([
      "m.id",
      "m.body",
      "m.type",
      "m.priority",
      "m.sender_id as senderId",
      "s.display_name as senderName",
      "s.kind as senderKind",
      "m.created_at as createdAt",
      "m.sent_at as sentAt",
      "m.scheduled_for as scheduledFor",
      "m.edited_at as editedAt",
      "m.deleted_at as deletedAt",
      "m.client_id as clientId",
      "m.automatic",
      "m.signature",
    ])
    .where("m.conversation_id", "=", conversationId)
    .where((eb) => eb.or([eb("m.sent_at", "is not", null), eb("m.sender_id", "=", viewerId)]))
    .orderBy("m.id", "desc")
    .limit(PAGE_SIZE + 1);
  if (before !== undefined) query = query.where("m.id", "<", before);
  const [rows, readers] = await Promise.all([
    query.execute(),
    db
      .selectFrom("conversation_participants as p")
      .innerJoin("users as u", "u.id", "p.user_id")
      .select([
        "p.user_id as userId",
        "u.display_name as name",
        "p.last_read_message_id as lastRead",
        "p.last_read_at as readAt",
      ])
      .where("p.conversation_id", "=", conversationId)
      .execute(),
  ]);
  const page = rows.slice(0, PAGE_SIZE).reverse();
  const shown = page.filter((m) => !m.deletedAt).map((m) => Number(m.id));
  const files =
    shown.length === 0
      ? []
      : await db
          .selectFrom("attachments")
          .select([
            "id",
            "message_id as messageId",
            "file_name as fileName",
            "mime_type as mimeType",
            (eb) => eb.cast<number>("size_bytes", "integer").as("sizeBytes"),
          ])
          .where("message_id", "in", shown)
          .orderBy("created_at")
          .orderBy("id")
          .execute();
  return {
    messages: page.map((m) => ({
      ...m,
      body: m.deletedAt ? null : m.body,
      attachments: files.filter((file) => Number(file.messageId) === Number(m.id)),
      mine: m.senderId === viewerId,
      seenBy: readers
        .filter((r) => r.userId !== m.senderId && r.lastRead >= m.id)
        .map((r) => r.name),
    })),
    olderCursor: rows.length > PAGE_SIZE ? (page[0]?.id ?? null) : null,
  };
}
