import type { Database, Kysely } from "@hearth/db";

export const PAGE_SIZE = 30;

export interface ThreadPageOptions {
  /** Load messages older than this id (keyset); the newest page when absent. */
  before?: number | undefined;
  limit?: number | undefined;
  /** Whether the viewer may see who read what (the policy decides). */
  showReceipts: boolean;
}

/**
 * The messages of one page, newest first, one more than the page to tell whether an older page
 * exists: a range of `messages_thread_idx` (conversation_id, id desc).
 */
export function threadPageQuery(
  db: Kysely<Database>,
  conversationId: string,
  viewerId: string,
  options: Pick<ThreadPageOptions, "before" | "limit">,
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
    ])
    .where("m.conversation_id", "=", conversationId)
    .where((eb) => eb.or([eb("m.sent_at", "is not", null), eb("m.sender_id", "=", viewerId)]))
    .orderBy("m.id", "desc")
    .limit((options.limit ?? PAGE_SIZE) + 1);
  if (options.before !== undefined) query = query.where("m.id", "<", options.before);
  return query;
}

/** Who has read how far in a conversation, for "Seen by". */
export function readersQuery(db: Kysely<Database>, conversationId: string) {
  return db
    .selectFrom("conversation_participants as p")
    .innerJoin("users as u", "u.id", "p.user_id")
    .select(["p.user_id as userId", "u.display_name as name", "p.last_read_message_id as lastRead"])
    .where("p.conversation_id", "=", conversationId);
}

/**
 * One page of a thread, oldest first, with the cursor of the page before it. Deleted messages
 * keep their place but not their text; scheduled messages appear only to their sender.
 */
export async function threadPage(
  db: Kysely<Database>,
  conversationId: string,
  viewerId: string,
  options: ThreadPageOptions,
) {
  const limit = options.limit ?? PAGE_SIZE;
  const [rows, readers] = await Promise.all([
    threadPageQuery(db, conversationId, viewerId, options).execute(),
    options.showReceipts ? readersQuery(db, conversationId).execute() : [],
  ]);
  const page = rows.slice(0, limit);
  const messages = page.reverse().map((m) => ({
    ...m,
    body: m.deletedAt ? null : m.body,
    mine: m.senderId === viewerId,
    seenBy: options.showReceipts
      ? readers.filter((r) => r.userId !== m.senderId && r.lastRead >= m.id).map((r) => r.name)
      : null,
  }));
  return { messages, olderCursor: rows.length > limit ? (page[0]?.id ?? null) : null };
}

export type ThreadMessage = Awaited<ReturnType<typeof threadPage>>["messages"][number];
