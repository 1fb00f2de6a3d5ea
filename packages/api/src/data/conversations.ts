/**
 * The conversations aggregate with its participants: every statement that creates conversations,
 * finds an existing one for a set of people, or adds participants.
 */
import { type ConversationKind, type Database, sql, type Transaction } from "@hearth/db";

export { lockConversation } from "../realtime/event-log";

export interface NewConversation {
  organizationId: string;
  kind: ConversationKind;
  title: string | null;
  unitId: string | null;
  maintenanceRequestId: string | null;
  createdBy: string | null;
  /** The announcement a private conversation answers. */
  repliesTo?: string | null;
  noReply?: boolean;
  /** An announcement's pin and expiry (migration 0018). */
  pinnedUntil?: Date | null;
  expiresAt?: Date | null;
  at: Date;
}

export async function insertConversation(
  trx: Transaction<Database>,
  conversation: NewConversation,
): Promise<string> {
  const row = await trx
    .insertInto("conversations")
    .values({
      organization_id: conversation.organizationId,
      kind: conversation.kind,
      title: conversation.title,
      unit_id: conversation.unitId,
      maintenance_request_id: conversation.maintenanceRequestId,
      created_by: conversation.createdBy,
      no_reply: conversation.noReply ?? false,
      replies_to: conversation.repliesTo ?? null,
      pinned_until: conversation.pinnedUntil ?? null,
      expires_at: conversation.expiresAt ?? null,
      last_message_at: conversation.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Adds people to a conversation; returns those who were not in it yet. */
export async function addParticipants(
  trx: Transaction<Database>,
  organizationId: string,
  conversationId: string,
  userIds: readonly string[],
): Promise<string[]> {
  const added: string[] = [];
  for (let i = 0; i < userIds.length; i += 1000) {
    const part = userIds.slice(i, i + 1000);
    const rows = await trx
      .insertInto("conversation_participants")
      .values(
        part.map((userId) => ({
          conversation_id: conversationId,
          user_id: userId,
          organization_id: organizationId,
        })),
      )
      .onConflict((oc) => oc.columns(["conversation_id", "user_id"]).doNothing())
      .returning("user_id")
      .execute();
    added.push(...rows.map((r) => r.user_id));
  }
  return added;
}

/**
 * Serialises starts of the same conversation (same kind, same people or unit) so two at once
 * find or create one conversation, not two. An advisory lock: it assigns no transaction id, so a
 * `lockConversation` may still follow it.
 */
export async function lockConversationStart(
  trx: Transaction<Database>,
  key: {
    organizationId: string;
    kind: ConversationKind;
    memberIds: readonly string[];
    unitId: string | null;
  },
): Promise<void> {
  const identity = key.unitId ?? [...key.memberIds].sort().join(",");
  await sql`select pg_advisory_xact_lock(hashtextextended(${`start:${key.organizationId}:${key.kind}:${identity}`}, 0))`.execute(
    trx,
  );
}

/** The conversation these people (or this unit) already have, of this kind. */
export async function findExistingConversation(
  trx: Transaction<Database>,
  organizationId: string,
  kind: ConversationKind,
  memberIds: readonly string[],
  unitId: string | null,
): Promise<string | null> {
  if (kind === "broadcast" || kind === "maintenance") return null;
  if (kind === "unit_group" && unitId) {
    const row = await trx
      .selectFrom("conversations")
      .select("id")
      .where("kind", "=", "unit_group")
      .where("unit_id", "=", unitId)
      .where("organization_id", "=", organizationId)
      .executeTakeFirst();
    return row?.id ?? null;
  }
  const row = await trx
    .selectFrom("conversations as c")
    .select("c.id")
    .where("c.kind", "=", kind)
    .where("c.organization_id", "=", organizationId)
    .where(sql<boolean>`(select array_agg(p.user_id order by p.user_id) from conversation_participants p where p.conversation_id = c.id)
      = ${sql.val([...memberIds].sort())}::uuid[]`)
    .executeTakeFirst();
  return row?.id ?? null;
}
