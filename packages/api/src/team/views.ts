/**
 * The team inbox's views: every conversation of the account the team handles together
 * (`teamConversationKinds`, with a manager in it), whether or not the viewer takes part yet.
 * Mine: assigned to the viewer; Unassigned: nobody handles it; All: every open one; Closed.
 */
import { type Database, type InboxChannel, type Kysely, sql } from "@hearth/db";
import { teamConversationKinds } from "@hearth/policies";
import {
  INBOX_PAGE_SIZE,
  type InboxRow,
  lastBodyOf,
  othersOf,
  parseCursor,
  teamStateOf,
} from "../messaging/inbox";

export const teamViews = ["mine", "unassigned", "all", "closed"] as const;
export type TeamView = (typeof teamViews)[number];

export interface TeamFilter {
  view: TeamView;
  cursor?: string | null | undefined;
  limit?: number | undefined;
}

/**
 * One page of a team view, newest activity first, from the view's partial index of migration
 * 0019 (`conversations_team_*_idx`); the viewer's own counters where they take part.
 */
export function teamPageQuery(
  db: Kysely<Database>,
  organizationId: string,
  viewerId: string,
  filter: TeamFilter,
) {
  const limit = filter.limit ?? INBOX_PAGE_SIZE;
  let query = db
    .selectFrom("conversations as c")
    .leftJoin("conversation_participants as me", (join) =>
      join.onRef("me.conversation_id", "=", "c.id").on("me.user_id", "=", viewerId),
    )
    .select([
      "c.id",
      "c.kind",
      "c.title",
      "c.no_reply as noReply",
      "c.last_message_at as lastMessageAt",
      "me.archived_at as archivedAt",
      sql<boolean>`coalesce(me.muted, false)`.as("muted"),
      sql<InboxChannel>`coalesce(me.channel, inbox_channel(c.id, ${viewerId}::uuid))`.as("channel"),
      sql<number>`coalesce(me.unread_count, 0)`.as("unread"),
      sql<number>`coalesce(me.unread_high_count, 0)`.as("unreadHigh"),
      sql<boolean>`coalesce(me.high_count > 0, exists (select 1 from messages h
        where h.conversation_id = c.id and h.priority = 'high' and h.deleted_at is null
          and h.sent_at is not null))`.as("hasHigh"),
      sql<string>`to_char(c.last_message_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        "cursorAt",
      ),
      lastBodyOf(sql.ref("c.id")).as("lastBody"),
      othersOf(sql.ref("c.id"), sql`${viewerId}::uuid`).as("others"),
      ...teamStateOf("c"),
    ])
    .where("c.organization_id", "=", organizationId)
    .where("c.kind", "in", [...teamConversationKinds])
    // A scalar subquery with a limit, not EXISTS: the planner would turn EXISTS into a join that
    // reads every conversation with a manager and then sorts them all. This way each row of the
    // view's index, in order, is checked until the page is full.
    .where(
      sql<boolean>`(select 1 from conversation_participants p
        join users u on u.id = p.user_id
        where p.conversation_id = c.id and u.kind = 'manager' limit 1) is not null`,
    )
    .orderBy("c.last_message_at", "desc")
    .orderBy("c.id", "desc")
    .limit(limit + 1);
  if (filter.view === "closed") query = query.where("c.closed_at", "is not", null);
  else query = query.where("c.closed_at", "is", null);
  if (filter.view === "mine") query = query.where("c.assignee_id", "=", viewerId);
  if (filter.view === "unassigned") query = query.where("c.assignee_id", "is", null);
  if (filter.cursor) {
    const after = parseCursor(filter.cursor);
    query = query.where(
      sql<boolean>`(c.last_message_at, c.id) < (${after.at}::timestamptz, ${after.conversationId}::uuid)`,
    );
  }
  return query;
}

/** A page of a team view in the inbox's shape, and the cursor of the next page (null at the end). */
export async function listTeamView(
  db: Kysely<Database>,
  organizationId: string,
  viewerId: string,
  filter: TeamFilter,
): Promise<{ rows: InboxRow[]; nextCursor: string | null }> {
  const limit = filter.limit ?? INBOX_PAGE_SIZE;
  const found = await teamPageQuery(db, organizationId, viewerId, filter).execute();
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(({ cursorAt: _, ...row }) => ({
      ...row,
      displayTitle: row.title ?? (row.others.map((o) => o.name).join(", ") || "Conversation"),
    })),
    nextCursor: found.length > limit && last ? `${last.cursorAt}_${last.id}` : null,
  };
}
