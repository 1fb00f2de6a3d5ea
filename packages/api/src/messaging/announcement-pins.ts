/**
 * Announcements pinned to the top of their recipients' inboxes until a time, and announcements
 * that expire (migration 0018): chosen when sending, changed or unpinned later by a manager who
 * may send broadcasts.
 */
import { type Database, type Kysely, sql, type Transaction } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { enforce, type PolicyScope } from "../policy/gateway";
import { lockConversation, publishLiveEvent } from "../realtime/hub";

export interface PinChoice {
  /** Pinned until then; null: not pinned. */
  pinUntil: Date | null;
  /** Leaves the recipients' inboxes then; null: never. */
  expiresAt: Date | null;
}

const YEAR_MS = 366 * 24 * 3_600_000;
/** Pinned announcements shown above the list at most. */
const PINNED_SHOWN = 3;

type MemberContext = Pick<Context, "db" | "clock"> & {
  organizationId: string;
  user: { id: string };
};

function invalid(message: string): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message });
}

/** Refuses times in the past, more than a year ahead, or a pin outlasting the expiry. */
export function checkPinChoice(choice: PinChoice, now: Date): void {
  for (const [field, at] of [
    ["pinUntil", choice.pinUntil],
    ["expiresAt", choice.expiresAt],
  ] as const) {
    if (at === null) continue;
    if (at.getTime() <= now.getTime()) throw invalid(`${field}: Choose a time in the future.`);
    if (at.getTime() > now.getTime() + YEAR_MS)
      throw invalid(`${field}: Choose a time at most a year ahead.`);
  }
  if (choice.pinUntil && choice.expiresAt && choice.pinUntil > choice.expiresAt)
    throw invalid("pinUntil: A pin can't last past the announcement's expiry.");
}

/**
 * Changes an announcement's pin and expiry; its recipients' inboxes follow live. Another
 * organization's conversation, or one that is not an announcement, is not found.
 */
export async function changeAnnouncementPins(
  ctx: MemberContext,
  scope: PolicyScope,
  conversationId: string,
  choice: PinChoice,
) {
  enforce(scope.policy.sendBroadcast({ actor: scope.actor }));
  checkPinChoice(choice, scope.now);
  return ctx.db.transaction().execute(async (trx) => {
    await lockConversation(trx, conversationId);
    const before = await trx
      .selectFrom("conversations")
      .select(["pinned_until", "expires_at"])
      .where("id", "=", conversationId)
      .where("organization_id", "=", ctx.organizationId)
      .where("kind", "=", "broadcast")
      .executeTakeFirst();
    if (!before)
      throw new TRPCError({
        code: "NOT_FOUND",
        message: "conversationId: No such announcement in your organization.",
      });
    await trx
      .updateTable("conversations")
      .set({ pinned_until: choice.pinUntil, expires_at: choice.expiresAt })
      .where("id", "=", conversationId)
      .execute();
    await trx
      .insertInto("audit_log")
      .values({
        organization_id: ctx.organizationId,
        actor_id: ctx.user.id,
        action: "announcement.pins",
        target_type: "conversation",
        target_id: conversationId,
        before: JSON.stringify({ pinUntil: before.pinned_until, expiresAt: before.expires_at }),
        after: JSON.stringify(choice),
      })
      .execute();
    await announcePinChange(trx, conversationId);
    return choice;
  });
}

/** Tells everyone in the announcement that its place in their inbox changed. */
async function announcePinChange(trx: Transaction<Database>, conversationId: string) {
  const people = await trx
    .selectFrom("conversation_participants")
    .select("user_id")
    .where("conversation_id", "=", conversationId)
    .execute();
  await publishLiveEvent(trx, {
    type: "announcement",
    change: "pins",
    conversationId,
    recipients: people.map((p) => p.user_id),
  });
}

/**
 * The viewer's pinned announcements that have not expired, newest first: a few rows of their
 * announcements channel (`conversation_participants_channel_page_idx`).
 */
export function pinnedAnnouncementsQuery(
  db: Kysely<Database>,
  organizationId: string,
  viewerId: string,
  now: Date,
) {
  return db
    .selectFrom("conversation_participants as me")
    .innerJoin("conversations as c", "c.id", "me.conversation_id")
    .select([
      "c.id",
      "c.title",
      "c.pinned_until as pinnedUntil",
      "c.expires_at as expiresAt",
      "me.last_message_at as lastMessageAt",
      sql<string | null>`(select m.body from messages m
        where m.conversation_id = c.id and m.deleted_at is null and m.sent_at is not null
        order by m.id limit 1)`.as("body"),
    ])
    .where("me.user_id", "=", viewerId)
    .where("me.organization_id", "=", organizationId)
    .where("me.channel", "=", "announcements")
    .where("me.archived_at", "is", null)
    .where("c.pinned_until", ">", now)
    .where((eb) => eb.or([eb("c.expires_at", "is", null), eb("c.expires_at", ">", now)]))
    .orderBy("me.last_message_at", "desc")
    .limit(PINNED_SHOWN);
}
