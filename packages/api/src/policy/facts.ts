import {
  bestLeaseStatus,
  type Database,
  isoDay,
  type Kysely,
  type LeaseStatus,
  leaseStatus,
} from "@hearth/db";
import type { Actor, ConversationFacts, OrganizationFacts, Party } from "@hearth/policies";

/**
 * Loads what policies decide on, for people of one organization: kind and role, connection (the
 * account owner counts as connected), the best lease status and coworking member status.
 * Unknown ids and people of other organizations are simply absent from the result.
 */
export async function loadParties(
  db: Kysely<Database>,
  organizationId: string,
  userIds: readonly string[],
  now: Date,
  timeZone: string,
): Promise<Map<string, Actor>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("users")
    .leftJoin("connections", (join) =>
      join
        .onRef("connections.user_id", "=", "users.id")
        .onRef("connections.organization_id", "=", "users.organization_id"),
    )
    .leftJoin("lease_residents", "lease_residents.user_id", "users.id")
    .leftJoin("leases", "leases.id", "lease_residents.lease_id")
    .select([
      "users.id",
      "users.kind",
      "users.manager_role",
      "users.permissions",
      "users.member_status",
      "connections.status as connection",
      "leases.starts_on",
      "leases.ends_on",
    ])
    .where("users.organization_id", "=", organizationId)
    .where("users.id", "in", [...userIds])
    .execute();
  const today = isoDay(now, timeZone);
  const leases = new Map<string, LeaseStatus[]>();
  const parties = new Map<string, Actor>();
  for (const row of rows) {
    const statuses = leases.get(row.id) ?? [];
    if (row.starts_on)
      statuses.push(leaseStatus({ starts_on: row.starts_on, ends_on: row.ends_on }, today));
    leases.set(row.id, statuses);
    parties.set(row.id, {
      userId: row.id,
      kind: row.kind,
      managerRole: row.manager_role,
      permissions: row.permissions,
      connection: row.manager_role === "account_owner" ? "connected" : (row.connection ?? "none"),
      leaseStatus: "none",
      memberStatus: row.member_status,
    });
  }
  for (const [id, party] of parties)
    parties.set(id, { ...party, leaseStatus: bestLeaseStatus(leases.get(id) ?? []) });
  return parties;
}

/** The facts of one conversation, with its participants as parties; null when not in this organization. */
export async function loadConversationFacts(
  db: Kysely<Database>,
  organizationId: string,
  conversationId: string,
  now: Date,
  timeZone: string,
): Promise<(ConversationFacts & { participants: readonly Party[] }) | null> {
  const conversation = await db
    .selectFrom("conversations")
    .leftJoin("users as creator", "creator.id", "conversations.created_by")
    .select(["conversations.kind", "conversations.no_reply", "creator.kind as creatorKind"])
    .where("conversations.id", "=", conversationId)
    .where("conversations.organization_id", "=", organizationId)
    .executeTakeFirst();
  if (!conversation) return null;
  const members = await db
    .selectFrom("conversation_participants")
    .select("user_id")
    .where("conversation_id", "=", conversationId)
    .execute();
  const parties = await loadParties(
    db,
    organizationId,
    members.map((m) => m.user_id),
    now,
    timeZone,
  );
  return {
    kind: conversation.kind,
    noReply: conversation.no_reply,
    createdByKind: conversation.kind === "maintenance" ? null : conversation.creatorKind,
    participants: [...parties.values()],
  };
}

export function organizationFacts(org: { mode: OrganizationFacts["mode"] }): OrganizationFacts {
  return { mode: org.mode };
}
