/**
 * The search outbox (`search_index_queue`, filled by triggers of migration 0007): claiming due
 * rows, and settling them once the index agrees with the database. A claimed row is pushed
 * `claimMs` into the future rather than locked, so a drainer that dies mid-batch leaves rows that
 * become due again by themselves; a row leaves the queue only after its sync succeeded.
 */
import { type Database, type Kysely, sql } from "@hearth/db";

export interface QueuedChange {
  id: number;
  messageId: number | null;
  conversationId: string | null;
  attempts: number;
}

/** Claims up to `limit` due rows, oldest first. */
export async function claimDueChanges(
  db: Kysely<Database>,
  limit: number,
  claimMs: number,
): Promise<QueuedChange[]> {
  const rows = await sql<{
    id: string;
    message_id: string | null;
    conversation_id: string | null;
    attempts: number;
  }>`
    update search_index_queue q
    set run_after = now() + make_interval(secs => ${claimMs / 1000}), attempts = q.attempts + 1
    from (
      select id from search_index_queue
      where run_after <= now()
      order by run_after, id
      limit ${limit}
      for update skip locked
    ) due
    where q.id = due.id
    returning q.id, q.message_id, q.conversation_id, q.attempts
  `.execute(db);
  return rows.rows.map((row) => ({
    id: Number(row.id),
    messageId: row.message_id === null ? null : Number(row.message_id),
    conversationId: row.conversation_id,
    attempts: row.attempts,
  }));
}

/** Every message id the claimed changes stand for: conversations expand to all their messages. */
export async function messageIdsOf(
  db: Kysely<Database>,
  changes: QueuedChange[],
): Promise<number[]> {
  const ids = new Set<number>();
  const conversations: string[] = [];
  for (const change of changes) {
    if (change.messageId !== null) ids.add(change.messageId);
    if (change.conversationId !== null) conversations.push(change.conversationId);
  }
  if (conversations.length > 0) {
    const rows = await db
      .selectFrom("messages")
      .where("conversation_id", "in", [...new Set(conversations)])
      .select("id")
      .execute();
    for (const row of rows) ids.add(Number(row.id));
  }
  return [...ids].sort((a, b) => a - b);
}

/** The index agrees with the database for these changes: they leave the queue. */
export async function completeChanges(db: Kysely<Database>, changes: QueuedChange[]) {
  if (changes.length === 0) return;
  await db
    .deleteFrom("search_index_queue")
    .where(
      "id",
      "in",
      changes.map((change) => change.id),
    )
    .execute();
}

/** Longest wait before a failed change is tried again. */
export const MAX_RETRY_DELAY_MS = 60_000;

/** 1 s, 2 s, 4 s … up to a minute: an engine that is down is asked again, never given up on. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** Math.max(0, attempts - 1));
}

/** The sync failed: the changes stay, due again after a back-off that grows with each attempt. */
export async function postponeChanges(
  db: Kysely<Database>,
  changes: QueuedChange[],
  error: string,
) {
  if (changes.length === 0) return;
  const attempts = Math.max(...changes.map((change) => change.attempts));
  await db
    .updateTable("search_index_queue")
    .set({
      run_after: sql<Date>`now() + make_interval(secs => ${retryDelayMs(attempts) / 1000})`,
      last_error: error.slice(0, 1000),
    })
    .where(
      "id",
      "in",
      changes.map((change) => change.id),
    )
    .execute();
}

export interface QueueStats {
  /** Changes waiting, due or not. */
  pending: number;
  /** Seconds since the oldest waiting change was made; 0 when none waits. */
  oldestSeconds: number;
}

export async function queueStats(db: Kysely<Database>): Promise<QueueStats> {
  const row = await db
    .selectFrom("search_index_queue")
    .select((eb) => [
      eb.fn.countAll<string>().as("pending"),
      sql<number | null>`extract(epoch from now() - min(enqueued_at))::float8`.as("oldest"),
    ])
    .executeTakeFirstOrThrow();
  return { pending: Number(row.pending), oldestSeconds: row.oldest ?? 0 };
}
