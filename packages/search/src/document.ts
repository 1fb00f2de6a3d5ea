/** Builds the documents an index stores, from the database, for the indexing job. */
import type { Database } from "@hearth/db/types";
import type { Kysely } from "kysely";
import type { MessageDocument } from "./port";

/** Ids per query, well under Postgres's limit of bind parameters. */
const CHUNK = 1000;

async function loadChunk(db: Kysely<Database>, messageIds: number[]): Promise<MessageDocument[]> {
  const rows = await db
    .selectFrom("messages as m")
    .innerJoin("conversations as c", (join) =>
      join
        .onRef("c.id", "=", "m.conversation_id")
        .onRef("c.organization_id", "=", "m.organization_id"),
    )
    // Property and unit are derived as in the Postgres engine's search.
    .leftJoin("units as un", "un.id", "c.unit_id")
    .leftJoin("maintenance_requests as mr", "mr.id", "c.maintenance_request_id")
    .leftJoin("users as u", "u.id", "m.sender_id")
    .where("m.id", "in", messageIds)
    .where("m.deleted_at", "is", null)
    .where("m.sent_at", "is not", null)
    .select((eb) => [
      "m.id",
      "m.organization_id",
      "m.conversation_id",
      "m.sender_id",
      "u.display_name as sender_name",
      eb.fn.coalesce("un.property_id", "mr.property_id").as("property_id"),
      eb.fn.coalesce("c.unit_id", "mr.unit_id").as("unit_id"),
      "c.kind as conversation_kind",
      "m.type",
      "m.priority",
      "m.body",
      "m.file_names",
      "m.created_at",
    ])
    .execute();
  if (rows.length === 0) return [];
  const conversationIds = [...new Set(rows.map((row) => row.conversation_id))];
  const participants = await db
    .selectFrom("conversation_participants")
    .where("conversation_id", "in", conversationIds)
    .select(["conversation_id", "user_id"])
    // A document is the same whenever it is built: an update moves rows, and with them the order
    // an unordered scan returns.
    .orderBy("user_id")
    .execute();
  const readers = new Map<string, string[]>();
  for (const { conversation_id, user_id } of participants) {
    const list = readers.get(conversation_id) ?? [];
    list.push(user_id);
    readers.set(conversation_id, list);
  }
  return rows.map((row) => ({
    messageId: Number(row.id),
    organizationId: row.organization_id,
    conversationId: row.conversation_id,
    participantIds: readers.get(row.conversation_id) ?? [],
    senderId: row.sender_id,
    senderName: row.sender_name,
    propertyId: row.property_id,
    unitId: row.unit_id,
    conversationKind: row.conversation_kind,
    type: row.type,
    priority: row.priority,
    body: row.body,
    ...(row.file_names ? { fileNames: row.file_names } : {}),
    createdAt: row.created_at,
  }));
}

/**
 * The documents of these messages, in id order. Deleted, still-scheduled and unknown messages
 * have none: the caller removes those ids from the index (see {@link syncMessages}).
 */
export async function loadMessageDocuments(
  db: Kysely<Database>,
  messageIds: number[],
): Promise<MessageDocument[]> {
  const ids = [...new Set(messageIds)].filter((id) => Number.isSafeInteger(id) && id > 0);
  const docs: MessageDocument[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    docs.push(...(await loadChunk(db, ids.slice(i, i + CHUNK))));
  }
  return docs.sort((a, b) => a.messageId - b.messageId);
}
