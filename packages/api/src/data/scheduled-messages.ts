/**
 * Unsent (scheduled) messages: rows of `messages` with `sent_at` null that only their sender sees.
 * Delivery does not send the row itself: it takes it out and writes the message through
 * `writeMessage`, so the delivered message gets its place (id), counters and live event at the
 * time it goes, as if it had been sent then.
 */
import type { Database, Kysely, MessageType, Priority, Transaction } from "@hearth/db";
import { TRPCError } from "@trpc/server";

export interface ScheduledDraft {
  organizationId: string;
  conversationId: string;
  senderId: string;
  clientId: string;
  body: string;
  type: MessageType;
  priority: Priority;
  scheduledFor: Date;
  createdAt: Date;
}

/** A scheduled message as its delivery reads it. */
export interface UnsentMessage {
  id: number;
  organizationId: string;
  conversationId: string;
  senderId: string;
  clientId: string;
  body: string;
  type: MessageType;
  priority: Priority;
  scheduledFor: Date;
  /** Why it was not sent when its time came; null while it waits. */
  refusal: string | null;
}

/** Writes a scheduled message; a retry with the same client id returns the one written before. */
export async function insertScheduledMessage(
  trx: Transaction<Database>,
  draft: ScheduledDraft,
): Promise<{ id: number; created: boolean }> {
  const inserted = await trx
    .insertInto("messages")
    .values({
      organization_id: draft.organizationId,
      conversation_id: draft.conversationId,
      sender_id: draft.senderId,
      client_id: draft.clientId,
      body: draft.body,
      type: draft.type,
      priority: draft.priority,
      scheduled_for: draft.scheduledFor,
      sent_at: null,
      created_at: draft.createdAt,
    })
    .onConflict((oc) =>
      oc.columns(["sender_id", "client_id"]).where("client_id", "is not", null).doNothing(),
    )
    .returning("id")
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const earlier = await trx
    .selectFrom("messages")
    .select(["id", "conversation_id", "sent_at"])
    .where("sender_id", "=", draft.senderId)
    .where("client_id", "=", draft.clientId)
    .executeTakeFirst();
  if (!earlier || earlier.conversation_id !== draft.conversationId)
    throw new TRPCError({
      code: "CONFLICT",
      message: "clientId: This id was already used for another message.",
    });
  return { id: earlier.id, created: false };
}

const unsentColumns = [
  "id",
  "organization_id as organizationId",
  "conversation_id as conversationId",
  "sender_id as senderId",
  "client_id as clientId",
  "body",
  "type",
  "priority",
  "scheduled_for as scheduledFor",
  "schedule_refusal as refusal",
] as const;

function unsentQuery(db: Kysely<Database>, messageId: number) {
  return db
    .selectFrom("messages")
    .select(unsentColumns)
    .where("id", "=", messageId)
    .where("sent_at", "is", null)
    .where("deleted_at", "is", null)
    .where("scheduled_for", "is not", null);
}

type UnsentRow = Awaited<ReturnType<ReturnType<typeof unsentQuery>["executeTakeFirst"]>>;

function asUnsent(row: UnsentRow): UnsentMessage | undefined {
  if (!row || row.senderId === null || row.clientId === null || row.scheduledFor === null)
    return undefined;
  return { ...row, senderId: row.senderId, clientId: row.clientId, scheduledFor: row.scheduledFor };
}

/** A scheduled message as it is now, without a lock (a job's first look). */
export async function readUnsentMessage(
  db: Kysely<Database>,
  messageId: number,
): Promise<UnsentMessage | undefined> {
  return asUnsent(await unsentQuery(db, messageId).executeTakeFirst());
}

/**
 * Locks an unsent message (the sender's, when `senderId` is given) for a change or its delivery.
 * Undefined when it was sent, cancelled, or is another organization's or person's. Call after the
 * conversation's lock.
 */
export async function lockUnsentMessage(
  trx: Transaction<Database>,
  organizationId: string,
  messageId: number,
  senderId: string | null,
): Promise<UnsentMessage | undefined> {
  let query = unsentQuery(trx, messageId).where("organization_id", "=", organizationId).forUpdate();
  if (senderId !== null) query = query.where("sender_id", "=", senderId);
  return asUnsent(await query.executeTakeFirst());
}

/** A new text or time for a scheduled message; a new time lifts an earlier refusal. */
export async function updateScheduledMessage(
  trx: Transaction<Database>,
  messageId: number,
  change: { body?: string | undefined; scheduledFor?: Date | undefined },
): Promise<void> {
  await trx
    .updateTable("messages")
    .set({
      ...(change.body !== undefined ? { body: change.body } : {}),
      ...(change.scheduledFor !== undefined
        ? { scheduled_for: change.scheduledFor, schedule_refusal: null }
        : {}),
    })
    .where("id", "=", messageId)
    .where("sent_at", "is", null)
    .execute();
}

/** Takes an unsent message out: cancelled, or about to be written as sent. */
export async function removeUnsentMessage(
  trx: Transaction<Database>,
  messageId: number,
): Promise<void> {
  await trx
    .deleteFrom("messages")
    .where("id", "=", messageId)
    .where("sent_at", "is", null)
    .execute();
}

/** Keeps a scheduled message unsent with the policy's reason: its time came and it was refused. */
export async function refuseScheduledMessage(
  trx: Transaction<Database>,
  messageId: number,
  reason: string,
): Promise<void> {
  await trx
    .updateTable("messages")
    .set({ schedule_refusal: reason })
    .where("id", "=", messageId)
    .where("sent_at", "is", null)
    .execute();
}
