/**
 * The live event log: why it cannot lose or reorder events.
 *
 * Message ids come from a sequence at insert time, but transactions commit in another order, so
 * "every id above the last one I saw" skips an event whose transaction commits late. Each event
 * row therefore records its transaction's full id (`xid8`), and readers only take rows whose
 * transaction is older than the oldest one still running, `pg_snapshot_xmin(pg_current_snapshot())`
 * (the fence). Every transaction below the fence has finished, and any transaction that writes
 * later gets an id at or above it, so once a reader has passed a position nothing new can ever
 * appear behind it. Reading in (xid, id) order up to the fence is exactly-once by construction.
 *
 * Order within a conversation: writers take the conversation's advisory lock before their first
 * write (see `lockConversation`), and a transaction id is assigned at the first write, so two
 * transactions writing to one conversation get ids in the order they hold the lock, which is the
 * order they commit. Sorting by xid is then commit order for that conversation.
 *
 * The rows carry the recipients, so waking readers needs no payload: a NOTIFY after commit (not
 * inside the transaction, where it would take the instance-wide notify lock at commit) only says
 * "read the log".
 */
import { type Database, type Kysely, sql, type Transaction } from "@hearth/db";
import type pg from "pg";
import type { LiveEvent, LiveEventBody } from "./events";
import type { EventPosition } from "./position";

/** Appends an event, visible to readers once the surrounding transaction commits. */
export async function publishLiveEvent(db: Kysely<Database>, event: LiveEvent): Promise<void> {
  const { recipients, ...payload } = event;
  await sql`
    insert into live_events (organization_id, conversation_id, recipients, payload)
    select c.organization_id, c.id, ${sql.val(recipients)}::uuid[], ${JSON.stringify(payload)}::jsonb
    from conversations c where c.id = ${event.conversationId}`.execute(db);
}

/**
 * Serialises the writers of one conversation and must come before the transaction's first write,
 * so that transaction ids follow the lock order (see the top of this file). An advisory lock
 * assigns no transaction id; a row lock would. Throws if the transaction has written already.
 */
export async function lockConversation(
  trx: Transaction<Database>,
  conversationId: string,
): Promise<void> {
  const { rows } = await sql<{ assigned: string | null }>`
    select pg_current_xact_id_if_assigned()::text as assigned,
      pg_advisory_xact_lock(hashtextextended(${`conversation:${conversationId}`}, 0))`.execute(trx);
  if (rows[0]?.assigned)
    throw new Error("lockConversation must run before the transaction's first write");
}

export interface LoggedEvent {
  position: EventPosition;
  recipients: string[];
  event: LiveEventBody;
}

interface EventRow {
  id: string | number;
  xid: string;
  recipients: string[];
  payload: LiveEventBody;
}

function toLogged(row: EventRow): LoggedEvent {
  return {
    position: { xid: BigInt(row.xid), id: Number(row.id) },
    recipients: row.recipients,
    event: row.payload,
  };
}

/** Anything that runs a parameterised query: a pool, a client. */
type Queryable = Pick<pg.ClientBase, "query">;

/** The visibility fence now: every transaction with a smaller id has finished. */
export async function readFence(db: Queryable): Promise<bigint> {
  const { rows } = await db.query<{ fence: string }>(
    "select pg_snapshot_xmin(pg_current_snapshot())::text as fence",
  );
  return BigInt(rows[0]!.fence);
}

/**
 * The events after `after`, in log order, split at the fence: `ready` may be delivered, `heldBack`
 * says that later events exist whose transaction (or an older one) is still running. The fence is
 * read first, by its own statement, so every transaction below it is visible to the second.
 */
export async function readLog(
  db: Queryable,
  after: EventPosition,
  limit: number,
): Promise<{ fence: bigint; ready: LoggedEvent[]; heldBack: boolean; full: boolean }> {
  const fence = await readFence(db);
  const { rows } = await db.query<EventRow>(
    // Ordered by the table's columns: "order by xid" would sort the text alias ("1000" < "999").
    `select e.id, e.xid::text as xid, e.recipients, e.payload from live_events e
      where (e.xid, e.id) > ($1::xid8, $2::bigint) order by e.xid, e.id limit $3`,
    [after.xid.toString(), after.id, limit],
  );
  const ready: LoggedEvent[] = [];
  for (const row of rows) {
    if (BigInt(row.xid) >= fence) break;
    ready.push(toLogged(row));
  }
  return { fence, ready, heldBack: ready.length < rows.length, full: rows.length === limit };
}

/**
 * One user's events after `after`, up to and including `upTo` (a position the hub has passed, so
 * final), in log order: a reconnect's back-fill.
 */
export async function readUserLog(
  db: Kysely<Database>,
  userId: string,
  after: EventPosition,
  upTo: EventPosition,
  limit: number,
): Promise<LoggedEvent[]> {
  const { rows } = await sql<EventRow>`
    select e.id, e.xid::text as xid, e.recipients, e.payload from live_events e
    where e.recipients @> array[${userId}]::uuid[]
      and (e.xid, e.id) > (${after.xid.toString()}::xid8, ${after.id}::bigint)
      and (e.xid, e.id) <= (${upTo.xid.toString()}::xid8, ${upTo.id}::bigint)
    order by e.xid, e.id limit ${limit}`.execute(db);
  return rows.map(toLogged);
}
