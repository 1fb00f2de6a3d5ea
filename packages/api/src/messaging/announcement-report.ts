/**
 * The delivery and read report of an announcement, for managers: every recipient got it in their
 * inbox (delivery is the participant row); who has read it comes from their read pointer. A
 * reminder can be sent to those who haven't, once a day.
 */
import { type Database, isoDay, type Kysely, sql } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { type QueuedEmail, queueEmails } from "../outbox/email";
import { enforce, type PolicyScope } from "../policy/gateway";

type MemberContext = Context & {
  organizationId: string;
  user: { id: string; displayName: string };
};

export const SENT_PAGE_SIZE = 20;

/** The announcement and its first message; another organization's is "not found". */
async function announcementOf(db: Kysely<Database>, organizationId: string, id: string) {
  const row = await db
    .selectFrom("conversations as c")
    .innerJoin("messages as m", "m.conversation_id", "c.id")
    .select([
      "c.id",
      "c.created_by as authorId",
      "c.created_at as sentAt",
      "m.id as messageId",
      "m.body",
    ])
    .where("c.id", "=", id)
    .where("c.organization_id", "=", organizationId)
    .where("c.kind", "=", "broadcast")
    .orderBy("m.id")
    .limit(1)
    .executeTakeFirst();
  if (!row)
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "conversationId: No such announcement in your organization.",
    });
  return row;
}

async function recipientsOf(
  db: Kysely<Database>,
  announcement: { id: string; authorId: string | null; messageId: number },
) {
  const rows = await db
    .selectFrom("conversation_participants as p")
    .innerJoin("users as u", "u.id", "p.user_id")
    .select(["u.id", "u.display_name as name", "u.email", "p.last_read_message_id as lastRead"])
    .where("p.conversation_id", "=", announcement.id)
    .where("u.kind", "!=", "manager")
    .orderBy("u.display_name")
    .orderBy("u.id")
    .execute();
  return rows.map(({ lastRead, ...person }) => ({
    ...person,
    read: lastRead !== null && lastRead >= announcement.messageId,
  }));
}

/** "2 of 3 read", who has read and who hasn't. */
export async function announcementReport(ctx: MemberContext, conversationId: string) {
  const announcement = await announcementOf(ctx.db, ctx.organizationId, conversationId);
  const recipients = await recipientsOf(ctx.db, announcement);
  const read = recipients.filter((r) => r.read).map(({ id, name }) => ({ id, name }));
  const unread = recipients.filter((r) => !r.read).map(({ id, name }) => ({ id, name }));
  return {
    id: announcement.id,
    body: announcement.body,
    sentAt: announcement.sentAt,
    delivered: recipients.length,
    readCount: read.length,
    read,
    unread,
  };
}

/** The organization's announcements, newest first, each with its read count. */
export async function sentAnnouncements(
  db: Kysely<Database>,
  organizationId: string,
  cursor: string | undefined,
) {
  let query = db
    .selectFrom("conversations as c")
    .leftJoin("users as a", "a.id", "c.created_by")
    .select((eb) => [
      "c.id",
      "c.created_at as sentAt",
      "c.pinned_until as pinnedUntil",
      "c.expires_at as expiresAt",
      "a.display_name as authorName",
      eb
        .selectFrom("messages as m")
        .select("m.body")
        .whereRef("m.conversation_id", "=", "c.id")
        .orderBy("m.id")
        .limit(1)
        .as("body"),
      sql<number>`(select count(*)::int from conversation_participants p join users u on u.id = p.user_id
        where p.conversation_id = c.id and u.kind <> 'manager')`.as("delivered"),
      sql<number>`(select count(*)::int from conversation_participants p join users u on u.id = p.user_id
        where p.conversation_id = c.id and u.kind <> 'manager'
          and p.last_read_message_id >= (select min(m.id) from messages m where m.conversation_id = c.id))`.as(
        "readCount",
      ),
    ])
    .where("c.organization_id", "=", organizationId)
    .where("c.kind", "=", "broadcast")
    .orderBy("c.created_at", "desc")
    .orderBy("c.id", "desc")
    .limit(SENT_PAGE_SIZE + 1);
  if (cursor)
    query = query.where(
      sql<boolean>`(c.created_at, c.id) < (select created_at, id from conversations
        where id = ${cursor} and organization_id = ${organizationId})`,
    );
  const found = await query.execute();
  const rows = found.slice(0, SENT_PAGE_SIZE);
  return {
    rows,
    nextCursor: found.length > SENT_PAGE_SIZE ? (rows[rows.length - 1]?.id ?? null) : null,
  };
}

/**
 * Reminds the recipients who haven't read the announcement: an in-app notification and, where the
 * policy lets managers email ("also send as email"), an email. At most one reminder a day each.
 */
export async function remindUnread(ctx: MemberContext, scope: PolicyScope, conversationId: string) {
  enforce(scope.policy.sendBroadcast({ actor: scope.actor }));
  const announcement = await announcementOf(ctx.db, ctx.organizationId, conversationId);
  const unread = (await recipientsOf(ctx.db, announcement)).filter((r) => !r.read);
  const day = isoDay(scope.now, scope.org.timezone);
  const byEmail = scope.policy.copyToEmail({ actor: scope.actor }).allowed;
  const organization = await ctx.db
    .selectFrom("organizations")
    .select("name")
    .where("id", "=", ctx.organizationId)
    .executeTakeFirstOrThrow();
  return ctx.db.transaction().execute(async (trx) => {
    const remindedToday = new Set(
      (
        await trx
          .selectFrom("notifications")
          .select("user_id")
          .where("kind", "=", "announcement_reminder")
          .where("message_id", "=", announcement.messageId)
          .where(sql<boolean>`payload->>'day' = ${day}`)
          .execute()
      ).map((row) => row.user_id),
    );
    const due = unread.filter((r) => !remindedToday.has(r.id));
    if (due.length > 0)
      await trx
        .insertInto("notifications")
        .values(
          due.map((r) => ({
            organization_id: ctx.organizationId,
            user_id: r.id,
            kind: "announcement_reminder",
            conversation_id: announcement.id,
            message_id: announcement.messageId,
            payload: JSON.stringify({ day, excerpt: announcement.body.slice(0, 140) }),
          })),
        )
        .execute();
    const emails: QueuedEmail[] = byEmail
      ? due
          .filter(
            (r) =>
              scope.policy.deliverEmailCopy({ recipientHasEmail: r.email.trim().length > 0 })
                .allowed,
          )
          .map((r) => ({
            dedupeKey: `announcement-reminder:${announcement.messageId}:${r.id}:${day}`,
            to: r.email,
            subject: `Reminder: message from ${organization.name}`,
            text: `${announcement.body}\n\n—\nRead it at ${ctx.urls.resident}/messages/${announcement.id}`,
            organizationId: ctx.organizationId,
          }))
      : [];
    const emailed = emails.length ? await queueEmails(trx, emails) : 0;
    return { reminded: due.length, emailed, alreadyRemindedToday: unread.length - due.length };
  });
}
