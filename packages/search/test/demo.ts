/** Looks up the seeded demo rows tests refer to by name. */
import type { ConversationKind, Database, MessageType, Priority } from "@hearth/db/types";
import type { Kysely } from "kysely";

export interface Demo {
  orgId(slug: string): Promise<string>;
  userId(email: string): Promise<string>;
  propertyId(orgId: string, name: string): Promise<string>;
  unitId(propertyId: string, name: string): Promise<string>;
  /** The message with this exact body in the organization. */
  message(
    orgId: string,
    body: string,
  ): Promise<{ id: number; conversationId: string; createdAt: Date }>;
  /** Adds a message to a conversation; sent now unless told otherwise. */
  addMessage(
    conversationId: string,
    fields: {
      body: string;
      senderId: string;
      createdAt?: Date;
      sentAt?: Date | null;
      deletedAt?: Date | null;
      type?: MessageType;
      priority?: Priority;
    },
  ): Promise<number>;
  /** Adds a conversation of the organization with these participants. */
  addConversation(
    orgId: string,
    kind: ConversationKind,
    participantIds: string[],
    fields?: { title?: string; unitId?: string },
  ): Promise<string>;
}

export function demo(db: Kysely<Database>): Demo {
  return {
    async orgId(slug) {
      const row = await db
        .selectFrom("organizations")
        .select("id")
        .where("slug", "=", slug)
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async userId(email) {
      const row = await db
        .selectFrom("users")
        .select("id")
        .where("email", "=", email)
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async propertyId(orgId, name) {
      const row = await db
        .selectFrom("properties")
        .select("id")
        .where("organization_id", "=", orgId)
        .where("name", "=", name)
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async unitId(propertyId, name) {
      const row = await db
        .selectFrom("units")
        .select("id")
        .where("property_id", "=", propertyId)
        .where("name", "=", name)
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async message(orgId, body) {
      const row = await db
        .selectFrom("messages")
        .select(["id", "conversation_id", "created_at"])
        .where("organization_id", "=", orgId)
        .where("body", "=", body)
        .executeTakeFirstOrThrow();
      return { id: Number(row.id), conversationId: row.conversation_id, createdAt: row.created_at };
    },
    async addMessage(conversationId, fields) {
      const conversation = await db
        .selectFrom("conversations")
        .select("organization_id")
        .where("id", "=", conversationId)
        .executeTakeFirstOrThrow();
      const createdAt = fields.createdAt ?? new Date();
      const row = await db
        .insertInto("messages")
        .values({
          organization_id: conversation.organization_id,
          conversation_id: conversationId,
          sender_id: fields.senderId,
          client_id: null,
          body: fields.body,
          type: fields.type ?? "general",
          priority: fields.priority ?? "normal",
          scheduled_for: fields.sentAt === null ? new Date(Date.now() + 86_400_000) : null,
          sent_at: fields.sentAt === undefined ? createdAt : fields.sentAt,
          created_at: createdAt,
          deleted_at: fields.deletedAt ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },
    async addConversation(orgId, kind, participantIds, fields = {}) {
      const { id } = await db
        .insertInto("conversations")
        .values({
          organization_id: orgId,
          kind,
          title: fields.title ?? null,
          unit_id: fields.unitId ?? null,
          maintenance_request_id: null,
          created_by: participantIds[0] ?? null,
          last_message_at: new Date(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("conversation_participants")
        .values(
          participantIds.map((userId) => ({
            conversation_id: id,
            user_id: userId,
            organization_id: orgId,
          })),
        )
        .execute();
      return id;
    },
  };
}
