import type { Database, Kysely } from "@hearth/db";

/**
 * The people the viewer already shares a conversation with (broadcasts aside: being in one
 * audience says nothing about knowing each other). A member may always see who they talk with.
 */
export async function conversationPartners(
  db: Kysely<Database>,
  organizationId: string,
  viewerId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom("conversation_participants as mine")
    .innerJoin("conversations as c", (join) =>
      join
        .onRef("c.id", "=", "mine.conversation_id")
        .onRef("c.organization_id", "=", "mine.organization_id"),
    )
    .innerJoin("conversation_participants as other", (join) =>
      join
        .onRef("other.conversation_id", "=", "mine.conversation_id")
        .onRef("other.organization_id", "=", "mine.organization_id"),
    )
    .select("other.user_id as id")
    .distinct()
    .where("mine.organization_id", "=", organizationId)
    .where("mine.user_id", "=", viewerId)
    .where("other.user_id", "!=", viewerId)
    .where("c.kind", "!=", "broadcast")
    .execute();
  return new Set(rows.map((row) => row.id));
}
