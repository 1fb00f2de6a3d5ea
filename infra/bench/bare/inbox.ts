/**
 * The inbox's first page as the product reads it (packages/api/src/messaging/inbox.ts
 * `inboxPageQuery` and `inboxChannelsQuery`, in parallel, not archived, no filter), without the
 * session, the policy scope and the row mapping around them. Keep in step with that file.
 */
import { type Database, inboxChannels, type Kysely, sql, type UserKind } from "@hearth/db";

const PAGE_SIZE = 50;
const OTHERS_SHOWN = 20;

function pageQuery(db: Kysely<Database>, organizationId: string, viewerId: string) {
  return db
    .selectFrom("conversation_participants as me")
    .innerJoin("conversations as c", (join) =>
      join
        .onRef("c.id", "=", "me.conversation_id")
        .onRef("c.organization_id", "=", "me.organization_id"),
    )
    .select((eb) => [
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
      eb
        .selectFrom("messages as m")
        .select("m.body")
        .whereRef("m.conversation_id", "=", "me.conversation_id")
        .where("m.deleted_at", "is", null)
        .where("m.sent_at", "is not", null)
        .orderBy("m.id", "desc")
        .limit(1)
        .as("lastBody"),
      sql<{ id: string; name: string; kind: UserKind }[]>`coalesce((
        select json_agg(json_build_object('id', o.id, 'name', o.display_name, 'kind', o.kind)
          order by o.display_name)
        from (
          select u.id, u.display_name, u.kind
          from conversation_participants p join users u on u.id = p.user_id
          where p.conversation_id = me.conversation_id and p.user_id <> me.user_id
            and not p.watching
          order by u.display_name limit ${OTHERS_SHOWN}) o), '[]'::json)`.as("others"),
      "c.assignee_id as assigneeId",
      sql<string | null>`(select a.display_name from users a where a.id = c.assignee_id)`.as(
        "assigneeName",
      ),
      "c.closed_at as closedAt",
    ])
    .where("me.user_id", "=", viewerId)
    .where("me.organization_id", "=", organizationId)
    .where("me.archived_at", "is", null)
    .where((eb) => eb.or([eb("c.expires_at", "is", null), eb("c.expires_at", ">", new Date())]))
    .orderBy("me.last_message_at", "desc")
    .orderBy("me.conversation_id", "desc")
    .limit(PAGE_SIZE + 1);
}

function channelsQuery(organizationId: string, viewerId: string) {
  return sql<{ channel: string; present: boolean; unread: number }>`
    with unread as materialized (
      select channel, sum(unread_count)::int as unread from conversation_participants
      where user_id = ${viewerId} and organization_id = ${organizationId}
        and archived_at is null and unread_count > 0
      group by channel)
    select ch.channel,
      coalesce((select true from conversation_participants p
        where p.user_id = ${viewerId} and p.organization_id = ${organizationId}
          and p.archived_at is null and p.channel = ch.channel
        order by p.last_message_at desc limit 1), false) as present,
      coalesce((select u.unread from unread u where u.channel = ch.channel), 0) as unread
    from unnest(${sql.val([...inboxChannels])}::text[]) as ch(channel)`;
}

export async function listInbox(db: Kysely<Database>, organizationId: string, viewerId: string) {
  const [found, channels] = await Promise.all([
    pageQuery(db, organizationId, viewerId).execute(),
    channelsQuery(organizationId, viewerId).execute(db),
  ]);
  const page = found.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: found.length > PAGE_SIZE && last ? `${last.cursorAt}_${last.id}` : null,
    channelSummary: channels.rows,
  };
}
