import { type Database, type Kysely, sql } from "@hearth/db";
import { channelOf } from "./channels";

export interface InboxFilter {
  archived: boolean;
  priority?: "high" | undefined;
  search?: string | undefined;
}

/**
 * The viewer's conversations by last activity: the last message, the unread count (messages by
 * others after the viewer's last-read pointer), the other people and the inbox channel.
 */
export async function listInbox(
  db: Kysely<Database>,
  organizationId: string,
  viewerId: string,
  filter: InboxFilter,
) {
  let query = db
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
      "c.last_message_at as lastMessageAt",
      "me.archived_at as archivedAt",
      "me.muted",
      eb
        .selectFrom("messages as m")
        .select("m.body")
        .whereRef("m.conversation_id", "=", "c.id")
        .where("m.deleted_at", "is", null)
        .where("m.sent_at", "is not", null)
        .orderBy("m.id", "desc")
        .limit(1)
        .as("lastBody"),
      eb
        .selectFrom("messages as m")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("m.conversation_id", "=", "c.id")
        .whereRef("m.id", ">", "me.last_read_message_id")
        .where("m.deleted_at", "is", null)
        .where("m.sent_at", "is not", null)
        .where((w) => w.or([w("m.sender_id", "is", null), w("m.sender_id", "!=", viewerId)]))
        .as("unread"),
      eb
        .selectFrom("messages as m")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("m.conversation_id", "=", "c.id")
        .whereRef("m.id", ">", "me.last_read_message_id")
        .where("m.priority", "=", "high")
        .where("m.deleted_at", "is", null)
        .where("m.sent_at", "is not", null)
        .as("unreadHigh"),
      sql<{ id: string; name: string; kind: string }[]>`coalesce((
        select json_agg(json_build_object('id', u.id, 'name', u.display_name, 'kind', u.kind) order by u.display_name)
        from conversation_participants p join users u on u.id = p.user_id
        where p.conversation_id = c.id and p.user_id <> ${viewerId}), '[]'::json)`.as("others"),
      sql<boolean>`exists (select 1 from messages m where m.conversation_id = c.id and m.priority = 'high' and m.deleted_at is null)`.as(
        "hasHigh",
      ),
    ])
    .where("me.user_id", "=", viewerId)
    .where("me.organization_id", "=", organizationId)
    .where("me.archived_at", filter.archived ? "is not" : "is", null)
    .orderBy("c.last_message_at", "desc")
    .orderBy("c.id", "desc")
    .limit(200);
  if (filter.priority === "high") {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("messages as hm")
          .select("hm.id")
          .whereRef("hm.conversation_id", "=", "c.id")
          .where("hm.priority", "=", "high")
          .where("hm.deleted_at", "is", null),
      ),
    );
  }
  const rows = await query.execute();
  return rows.map((row) => {
    const others = row.others as {
      id: string;
      name: string;
      kind: "manager" | "resident" | "service_pro" | "owner" | "operator";
    }[];
    return {
      ...row,
      others,
      unread: row.unread ?? 0,
      unreadHigh: row.unreadHigh ?? 0,
      channel: channelOf(
        row.kind,
        others.map((o) => o.kind),
      ),
      displayTitle: row.title ?? (others.map((o) => o.name).join(", ") || "Conversation"),
    };
  });
}

export type InboxRow = Awaited<ReturnType<typeof listInbox>>[number];
