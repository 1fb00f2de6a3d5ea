import type { Database, Kysely } from "@hearth/db";
import { TRPCError } from "@trpc/server";

/**
 * The conversation as its participant sees it. Another organization's conversation, or one the
 * viewer is not part of, is "not found": its existence is not revealed.
 */
export async function requireParticipation(
  db: Kysely<Database>,
  organizationId: string,
  conversationId: string,
  viewerId: string,
) {
  const row = await db
    .selectFrom("conversations as c")
    .innerJoin("conversation_participants as me", (join) =>
      join.onRef("me.conversation_id", "=", "c.id").on("me.user_id", "=", viewerId),
    )
    .select([
      "c.id",
      "c.kind",
      "c.title",
      "c.no_reply as noReply",
      "c.unit_id as unitId",
      "c.maintenance_request_id as maintenanceRequestId",
      "c.replies_to as repliesTo",
      "c.pinned_until as pinnedUntil",
      "c.expires_at as expiresAt",
      "c.created_at as createdAt",
      "me.last_read_message_id as lastReadMessageId",
      "me.archived_at as archivedAt",
      "me.muted",
    ])
    .where("c.id", "=", conversationId)
    .where("c.organization_id", "=", organizationId)
    .executeTakeFirst();
  if (!row)
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "This conversation does not exist or you are not part of it.",
    });
  return row;
}
