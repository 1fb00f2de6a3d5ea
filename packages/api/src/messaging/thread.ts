import type { Database, Kysely } from "@hearth/db";
import { attachmentsOfMessages } from "../data/attachments";

export const PAGE_SIZE = 30;

export interface ThreadPageOptions {
  /** Load messages older than this id (keyset); the newest page when absent. */
  before?: number | undefined;
  /** Open at this message instead of the newest (ignored with `before`): see {@link aroundPage}. */
  around?: number | undefined;
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
  let query = visibleMessages(db, conversationId, viewerId)
    .orderBy("m.id", "desc")
    .limit((options.limit ?? PAGE_SIZE) + 1);
  if (options.before !== undefined) query = query.where("m.id", "<", options.before);
  return query;
}

/** The messages after `after`, oldest first, one more than `limit` to tell whether more follow. */
export function newerMessagesQuery(
  db: Kysely<Database>,
  conversationId: string,
  viewerId: string,
  options: { after: number; limit: number },
) {
  return visibleMessages(db, conversationId, viewerId)
    .where("m.id", ">", options.after)
    .orderBy("m.id", "asc")
    .limit(options.limit + 1);
}

/** What the viewer sees of a conversation: sent messages, and their own scheduled ones. */
function visibleMessages(db: Kysely<Database>, conversationId: string, viewerId: string) {
  return db
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
    .where((eb) => eb.or([eb("m.sent_at", "is not", null), eb("m.sender_id", "=", viewerId)]));
}

/** Who has read how far in a conversation, for "Seen by". */
export function readersQuery(db: Kysely<Database>, conversationId: string) {
  return db
    .selectFrom("conversation_participants as p")
    .innerJoin("users as u", "u.id", "p.user_id")
    .select([
      "p.user_id as userId",
      "u.display_name as name",
      "p.last_read_message_id as lastRead",
      "p.last_read_at as readAt",
    ])
    .where("p.conversation_id", "=", conversationId);
}

type MessageRow = Awaited<ReturnType<ReturnType<typeof threadPageQuery>["execute"]>>[number];

/** Rows oldest first, and where the thread goes on beyond them (null: it does not). */
interface PageRows {
  rows: MessageRow[];
  olderCursor: number | null;
  newerCursor: number | null;
}

/** The newest page, or the page before `before`. */
async function pageBefore(
  db: Kysely<Database>,
  conversationId: string,
  viewerId: string,
  options: { before: number | undefined; limit: number },
): Promise<PageRows> {
  const rows = await threadPageQuery(db, conversationId, viewerId, options).execute();
  const page = rows.slice(0, options.limit).reverse();
  return {
    rows: page,
    olderCursor: rows.length > options.limit ? (page[0]?.id ?? null) : null,
    newerCursor: null,
  };
}

/**
 * The page that opens a thread at one message: that message with about a third of `limit`
 * older ones before it for context and newer ones after it, `limit` in all where the thread has
 * them (near either end, the other side fills the page). When newer messages follow beyond the
 * page, `newerCursor` is its newest id: open at it to read on.
 */
async function aroundPage(
  db: Kysely<Database>,
  conversationId: string,
  viewerId: string,
  options: { around: number; limit: number },
): Promise<PageRows> {
  const { around, limit } = options;
  const [upTo, after] = await Promise.all([
    threadPageQuery(db, conversationId, viewerId, { before: around + 1, limit }).execute(),
    newerMessagesQuery(db, conversationId, viewerId, { after: around, limit }).execute(),
  ]);
  const olderShare = Math.floor(limit / 3) + 1;
  const olderTake = Math.min(upTo.length, Math.max(olderShare, limit - after.length));
  const newerTake = Math.min(after.length, limit - olderTake);
  const rows = [...upTo.slice(0, olderTake).reverse(), ...after.slice(0, newerTake)];
  return {
    rows,
    olderCursor: upTo.length > olderTake ? (rows[0]?.id ?? null) : null,
    newerCursor: after.length > newerTake ? (rows.at(-1)?.id ?? null) : null,
  };
}

/**
 * One page of a thread, oldest first, with the cursors of the pages before and after it (only a
 * page opened `around` a message can have one after it). Deleted messages keep their place but
 * not their text; scheduled messages appear only to their sender.
 */
export async function threadPage(
  db: Kysely<Database>,
  conversationId: string,
  viewerId: string,
  options: ThreadPageOptions,
) {
  const limit = options.limit ?? PAGE_SIZE;
  const [page, readers] = await Promise.all([
    options.around !== undefined && options.before === undefined
      ? aroundPage(db, conversationId, viewerId, { around: options.around, limit })
      : pageBefore(db, conversationId, viewerId, { before: options.before, limit }),
    options.showReceipts ? readersQuery(db, conversationId).execute() : [],
  ]);
  const files = await attachmentsOfMessages(
    db,
    page.rows.filter((m) => !m.deletedAt).map((m) => Number(m.id)),
  );
  const messages = page.rows.map((m) => ({
    ...m,
    body: m.deletedAt ? null : m.body,
    attachments: files
      .filter((file) => Number(file.messageId) === Number(m.id))
      .map(({ messageId: _, ...file }) => file),
    mine: m.senderId === viewerId,
    seenBy: options.showReceipts
      ? readers.filter((r) => r.userId !== m.senderId && r.lastRead >= m.id).map((r) => r.name)
      : null,
  }));
  return {
    messages,
    olderCursor: page.olderCursor,
    newerCursor: page.newerCursor,
    /** How far each other participant has read, for one "Seen by"; null when receipts are hidden. */
    readers: options.showReceipts
      ? readers
          .filter((r) => r.userId !== viewerId)
          .map(({ name, lastRead, readAt }) => ({ name, lastRead, readAt }))
      : null,
  };
}

export type ThreadMessage = Awaited<ReturnType<typeof threadPage>>["messages"][number];
