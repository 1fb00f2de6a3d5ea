import {
  inboxChannels as allChannels,
  type Database,
  type InboxChannel,
  type Kysely,
  type RawBuilder,
  sql,
  type UserKind,
} from "@hearth/db";
import { TRPCError } from "@trpc/server";

export const INBOX_PAGE_SIZE = 50;
/** Names listed per conversation: enough for a title, not a broadcast's whole audience. */
const OTHERS_SHOWN = 20;

export interface InboxFilter {
  archived: boolean;
  priority?: "high" | undefined;
  channel?: InboxChannel | undefined;
  /** The `nextCursor` of the page before; the first page when absent. */
  cursor?: string | null | undefined;
  limit?: number | undefined;
  /** The moment announcements expire against (the API's clock); now when absent. */
  now?: Date | undefined;
}

interface InboxPosition {
  /** `last_message_at` to the microsecond, as Postgres prints it in UTC. */
  at: string;
  conversationId: string;
}

/** A cursor: the sort key of a page's last row, exact to the microsecond (a Date keeps ms). */
const CURSOR =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})(\d{3})Z_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

function readCursor(cursor: string): InboxPosition | null {
  const match = CURSOR.exec(cursor);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  // Only a real instant: Postgres would refuse "02-30" or "25:00" with an error, not a 4xx.
  const date = new Date(`${match[1]}Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString() !== `${match[1]}Z`) return null;
  return { at: `${match[1]}${match[2]}Z`, conversationId: match[3] };
}

/** Whether `text` is a cursor this module issued (well-formed, a real instant). */
export function isInboxCursor(text: string): boolean {
  return readCursor(text) !== null;
}

export function parseCursor(cursor: string): InboxPosition {
  const position = readCursor(cursor);
  if (!position)
    throw new TRPCError({ code: "BAD_REQUEST", message: "cursor: This is not an inbox cursor." });
  return position;
}

/** The text of the conversation's last sent message (`conversation` is the id column's SQL). */
export function lastBodyOf(conversation: RawBuilder<unknown>) {
  return sql<string | null>`(select m.body from messages m
    where m.conversation_id = ${conversation} and m.deleted_at is null and m.sent_at is not null
    order by m.id desc limit 1)`;
}

/**
 * The other people of the conversation by name, at most `OTHERS_SHOWN`, without managers who only
 * watch it from the team inbox: the inbox's title for a conversation without one.
 */
export function othersOf(conversation: RawBuilder<unknown>, viewerId: RawBuilder<unknown>) {
  return sql<{ id: string; name: string; kind: UserKind }[]>`coalesce((
    select json_agg(json_build_object('id', o.id, 'name', o.display_name, 'kind', o.kind)
      order by o.display_name)
    from (
      select u.id, u.display_name, u.kind
      from conversation_participants p join users u on u.id = p.user_id
      where p.conversation_id = ${conversation} and p.user_id <> ${viewerId} and not p.watching
      order by u.display_name limit ${OTHERS_SHOWN}) o), '[]'::json)`;
}

/** Who handles the conversation in the team inbox, and whether it is closed. */
export function teamStateOf(conversationAlias: string) {
  const c = (column: string) => sql.ref(`${conversationAlias}.${column}`);
  return [
    sql<string | null>`${c("assignee_id")}`.as("assigneeId"),
    sql<string | null>`(select a.display_name from users a where a.id = ${c("assignee_id")})`.as(
      "assigneeName",
    ),
    sql<Date | null>`${c("closed_at")}`.as("closedAt"),
  ] as const;
}

/**
 * One page of the viewer's inbox as a query (so tests can EXPLAIN exactly what runs): their
 * participant rows in `(last_message_at, conversation_id)` order, newest first, from one of the
 * partial indexes of migration 0004 picked by the filter. Everything per row is on the
 * participant row, but the last message's text and a few names, looked up for the page only.
 */
export function inboxPageQuery(
  db: Kysely<Database>,
  organizationId: string,
  viewerId: string,
  filter: InboxFilter,
) {
  const limit = filter.limit ?? INBOX_PAGE_SIZE;
  let query = db
    .selectFrom("conversation_participants as me")
    .innerJoin("conversations as c", (join) =>
      join
        .onRef("c.id", "=", "me.conversation_id")
        .onRef("c.organization_id", "=", "me.organization_id"),
    )
    .select([
      "c.id",
      "c.kind",
      "c.title",
      "c.no_reply as noReply",
      "me.last_message_at as lastMessageAt",
      "me.archived_at as archivedAt",
      "me.muted",
      "me.channel",
      "me.unread_count as unread",
      "me.unread_high_count as unreadHigh",
      sql<boolean>`me.high_count > 0`.as("hasHigh"),
      sql<string>`to_char(me.last_message_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        "cursorAt",
      ),
      lastBodyOf(sql.ref("me.conversation_id")).as("lastBody"),
      othersOf(sql.ref("me.conversation_id"), sql.ref("me.user_id")).as("others"),
      ...teamStateOf("c"),
    ])
    .where("me.user_id", "=", viewerId)
    .where("me.organization_id", "=", organizationId)
    .where("me.archived_at", filter.archived ? "is not" : "is", null)
    // An announcement that expired leaves the list (migration 0018).
    .where((eb) =>
      eb.or([eb("c.expires_at", "is", null), eb("c.expires_at", ">", filter.now ?? new Date())]),
    )
    .orderBy("me.last_message_at", "desc")
    .orderBy("me.conversation_id", "desc")
    .limit(limit + 1);
  if (filter.priority === "high") query = query.where("me.high_count", ">", 0);
  if (filter.channel) query = query.where("me.channel", "=", filter.channel);
  if (filter.cursor) {
    const after = parseCursor(filter.cursor);
    query = query.where(
      sql<boolean>`(me.last_message_at, me.conversation_id) < (${after.at}::timestamptz, ${after.conversationId}::uuid)`,
    );
  }
  return query;
}

/**
 * The viewer's conversations by last activity, a page at a time: the last message, the unread
 * counts, the other people and the inbox channel, and the cursor of the next page (null at the
 * end). Filters (archived, high priority, channel) apply in the query, so every page is full.
 */
export async function listInbox(
  db: Kysely<Database>,
  organizationId: string,
  viewerId: string,
  filter: InboxFilter,
) {
  const limit = filter.limit ?? INBOX_PAGE_SIZE;
  const found = await inboxPageQuery(db, organizationId, viewerId, filter).execute();
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  const rows = page.map(({ cursorAt: _, ...row }) => ({
    ...row,
    displayTitle: row.title ?? (row.others.map((o) => o.name).join(", ") || "Conversation"),
  }));
  return {
    rows,
    nextCursor: found.length > limit && last ? `${last.cursorAt}_${last.id}` : null,
  };
}

export type InboxRow = Awaited<ReturnType<typeof listInbox>>["rows"][number];

/** The unread badge: a sum over the rows that have anything unread (one partial index). */
export function unreadTotalQuery(db: Kysely<Database>, organizationId: string, viewerId: string) {
  return db
    .selectFrom("conversation_participants")
    .select(sql<number>`coalesce(sum(unread_count), 0)::int`.as("total"))
    .where("user_id", "=", viewerId)
    .where("organization_id", "=", organizationId)
    .where("archived_at", "is", null)
    .where("unread_count", ">", 0);
}

export async function unreadTotal(
  db: Kysely<Database>,
  organizationId: string,
  viewerId: string,
): Promise<number> {
  const row = await unreadTotalQuery(db, organizationId, viewerId).executeTakeFirst();
  return row?.total ?? 0;
}

/**
 * Per inbox channel: whether the viewer has any conversation in it (outside the archive) and its
 * unread messages. A probe of the channel index per channel, and one pass over the unread rows.
 */
export function inboxChannelsQuery(organizationId: string, viewerId: string) {
  return sql<{ channel: InboxChannel; present: boolean; unread: number }>`
    with unread as materialized (
      select channel, sum(unread_count)::int as unread from conversation_participants
      where user_id = ${viewerId} and organization_id = ${organizationId}
        and archived_at is null and unread_count > 0
      group by channel)
    select ch.channel,
      -- In the channel index's order, so the probe is that index's first entry, not a scan.
      coalesce((select true from conversation_participants p
        where p.user_id = ${viewerId} and p.organization_id = ${organizationId}
          and p.archived_at is null and p.channel = ch.channel
        order by p.last_message_at desc limit 1), false) as present,
      coalesce((select u.unread from unread u where u.channel = ch.channel), 0) as unread
    from unnest(${sql.val([...allChannels])}::text[]) as ch(channel)`;
}

export async function inboxChannels(
  db: Kysely<Database>,
  organizationId: string,
  viewerId: string,
): Promise<{ channel: InboxChannel; present: boolean; unread: number }[]> {
  const { rows } = await inboxChannelsQuery(organizationId, viewerId).execute(db);
  return rows;
}
