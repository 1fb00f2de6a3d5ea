import { sql } from "@hearth/db";
import { memberProcedure, router } from "../trpc";

export const inboxRouter = router({
  /**
   * The caller's conversations by last activity, with the last message and the unread count
   * (messages after the caller's last-read pointer that others sent).
   */
  list: memberProcedure.query(({ ctx }) =>
    ctx.db
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
          .where((w) => w.or([w("m.sender_id", "is", null), w("m.sender_id", "!=", ctx.user.id)]))
          .as("unread"),
        sql<string[]>`array(
          select u.display_name from conversation_participants p join users u on u.id = p.user_id
          where p.conversation_id = c.id and p.user_id <> ${ctx.user.id} order by u.display_name)`.as(
          "others",
        ),
      ])
      .where("me.user_id", "=", ctx.user.id)
      .where("me.organization_id", "=", ctx.organizationId)
      .orderBy("c.last_message_at", "desc")
      .orderBy("c.id", "desc")
      .limit(100)
      .execute()
      .then((rows) => rows.map((row) => ({ ...row, unread: row.unread ?? 0 }))),
  ),
});
