/**
 * What a search must return, worked out from the database rows directly (not through either
 * engine): the messages a viewer may read, with the facts every filter looks at.
 */
import type { ConversationKind, Database, MessageType, Priority } from "@hearth/db/types";
import type { Kysely } from "kysely";
import type { SearchQuery } from "../src/index";

export interface ReadableMessage {
  id: number;
  organizationId: string;
  conversationId: string;
  participantIds: string[];
  senderId: string | null;
  propertyId: string | null;
  unitId: string | null;
  kind: ConversationKind;
  type: MessageType;
  priority: Priority;
  createdAt: Date;
}

export type OracleFilter = Omit<
  SearchQuery,
  "organizationId" | "viewerId" | "limit" | "cursor" | "text" | "facets"
>;

async function sentMessages(db: Kysely<Database>): Promise<ReadableMessage[]> {
  const rows = await db
    .selectFrom("messages as m")
    .innerJoin("conversations as c", "c.id", "m.conversation_id")
    .leftJoin("units as un", "un.id", "c.unit_id")
    .leftJoin("maintenance_requests as mr", "mr.id", "c.maintenance_request_id")
    .where("m.deleted_at", "is", null)
    .where("m.sent_at", "is not", null)
    .select([
      "m.id",
      "m.organization_id",
      "m.conversation_id",
      "m.sender_id",
      "m.type",
      "m.priority",
      "m.created_at",
      "c.kind",
      "c.unit_id",
      "un.property_id as unit_property_id",
      "mr.property_id as request_property_id",
      "mr.unit_id as request_unit_id",
    ])
    .execute();
  const participants = await db
    .selectFrom("conversation_participants")
    .select(["conversation_id", "user_id"])
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    organizationId: row.organization_id,
    conversationId: row.conversation_id,
    participantIds: participants
      .filter((p) => p.conversation_id === row.conversation_id)
      .map((p) => p.user_id),
    senderId: row.sender_id,
    propertyId: row.unit_property_id ?? row.request_property_id,
    unitId: row.unit_id ?? row.request_unit_id,
    kind: row.kind,
    type: row.type,
    priority: row.priority,
    createdAt: row.created_at,
  }));
}

function passes(message: ReadableMessage, filter: OracleFilter): boolean {
  const { from, to, senderId, personId, conversationId, kind, priority, propertyId, unitId, type } =
    filter;
  return (
    (from === undefined || message.createdAt >= from) &&
    (to === undefined || message.createdAt < to) &&
    (senderId === undefined || message.senderId === senderId) &&
    (personId === undefined ||
      message.senderId === personId ||
      message.participantIds.includes(personId)) &&
    (conversationId === undefined || message.conversationId === conversationId) &&
    (kind === undefined || message.kind === kind) &&
    (priority === undefined || message.priority === priority) &&
    (propertyId === undefined || message.propertyId === propertyId) &&
    (unitId === undefined || message.unitId === unitId) &&
    (type === undefined || message.type === type)
  );
}

/** The messages `viewerId` may read in the organization that pass the filter, newest first. */
export async function readableBy(
  db: Kysely<Database>,
  organizationId: string,
  viewerId: string,
  filter: OracleFilter = {},
): Promise<ReadableMessage[]> {
  return (await sentMessages(db))
    .filter(
      (m) =>
        m.organizationId === organizationId &&
        m.participantIds.includes(viewerId) &&
        passes(m, filter),
    )
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
}

/** Every message id, readable or not, for (re)indexing. */
export async function allMessageIds(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom("messages").select("id").execute();
  return rows.map((row) => Number(row.id));
}
