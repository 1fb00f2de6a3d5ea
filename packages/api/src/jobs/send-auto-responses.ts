import type { BusinessHours, Database, Kysely } from "@hearth/db";
import type { Party } from "@hearth/policies";
import { TRPCError } from "@trpc/server";
import { closedPeriodOf, isOutsideBusinessHours } from "../auto-response/business-hours";
import type { Clock } from "../clock";
import { lockConversation } from "../data/conversations";
import { writeMessage } from "../data/messages";
import type { Logger } from "../logger";
import { conversationScope, type PolicyScope } from "../policy/gateway";

export interface AutoResponseDeps {
  db: Kysely<Database>;
  logger: Logger;
  clock: Clock;
}

interface Incoming {
  id: number;
  organizationId: string;
  conversationId: string;
  senderId: string;
  sentAt: Date;
  timeZone: string;
  hours: BusinessHours | null;
  holidays: string[];
}

interface Responder {
  userId: string;
  afterHoursBody: string | null;
  vacation: { startsAt: Date; body: string } | null;
}

/** The message to answer, unless it is automatic, deleted, unsent, or in a broadcast. */
async function incomingMessage(
  db: Kysely<Database>,
  messageId: number,
): Promise<Incoming | undefined> {
  const row = await db
    .selectFrom("messages as m")
    .innerJoin("conversations as c", "c.id", "m.conversation_id")
    .innerJoin("organizations as o", "o.id", "m.organization_id")
    .select([
      "m.id",
      "m.organization_id as organizationId",
      "m.conversation_id as conversationId",
      "m.sender_id as senderId",
      "m.sent_at as sentAt",
      "o.timezone as timeZone",
      "o.business_hours as hours",
      "o.holidays",
    ])
    .where("m.id", "=", messageId)
    .where("m.automatic", "=", false)
    .where("m.deleted_at", "is", null)
    .where("c.kind", "<>", "broadcast")
    .executeTakeFirst();
  if (!row?.senderId || !row.sentAt) return undefined;
  return { ...row, senderId: row.senderId, sentAt: row.sentAt };
}

/** The other people of the conversation with an auto-response set up at the message's time. */
async function respondersTo(db: Kysely<Database>, message: Incoming): Promise<Responder[]> {
  const rows = await db
    .selectFrom("conversation_participants as p")
    .innerJoin("user_settings as s", "s.user_id", "p.user_id")
    .select([
      "p.user_id as userId",
      "s.auto_response_enabled as enabled",
      "s.auto_response_body as afterHoursBody",
      "s.vacation_starts_at as vacationStartsAt",
      "s.vacation_ends_at as vacationEndsAt",
      "s.vacation_body as vacationBody",
    ])
    .where("p.conversation_id", "=", message.conversationId)
    .where("p.user_id", "<>", message.senderId)
    .where("s.organization_id", "=", message.organizationId)
    .execute();
  const at = message.sentAt.getTime();
  return rows.map((row) => ({
    userId: row.userId,
    afterHoursBody: row.enabled ? (row.afterHoursBody?.trim() ?? null) || null : null,
    vacation:
      row.vacationStartsAt &&
      row.vacationEndsAt &&
      row.vacationBody?.trim() &&
      row.vacationStartsAt.getTime() <= at &&
      at < row.vacationEndsAt.getTime()
        ? { startsAt: row.vacationStartsAt, body: row.vacationBody.trim() }
        : null,
  }));
}

/** The reply a responder sends to this message and the period it counts for, if the policy agrees. */
function replyOf(
  scope: PolicyScope,
  sender: Party,
  message: Incoming,
  responder: Responder,
): { body: string; period: string } | null {
  const times = { hours: message.hours, holidays: message.holidays, timeZone: message.timeZone };
  const outsideBusinessHours = isOutsideBusinessHours(times, message.sentAt);
  const setting = responder.vacation ? "always" : responder.afterHoursBody ? "after_hours" : "off";
  if (!scope.policy.autoRespond({ sender, outsideBusinessHours, setting }).allowed) return null;
  if (responder.vacation)
    return {
      body: responder.vacation.body,
      period: `vacation:${responder.vacation.startsAt.toISOString()}`,
    };
  if (!responder.afterHoursBody) return null;
  return { body: responder.afterHoursBody, period: closedPeriodOf(times, message.sentAt) };
}

/**
 * Answers one incoming message with the auto-responses of the people it reached: at most one per
 * conversation, responder and period (a vacation, or one closed stretch between business hours),
 * marked automatic, never to an automatic message or in a broadcast. The period's row and the
 * reply are written in one transaction, so a retry or a second worker sends nothing more.
 */
export async function sendAutoResponses(
  deps: AutoResponseDeps,
  messageId: number,
): Promise<number> {
  const message = await incomingMessage(deps.db, messageId);
  if (!message) return 0;
  const responders = await respondersTo(deps.db, message);
  if (responders.length === 0) return 0;
  let view: Awaited<ReturnType<typeof conversationScope>>;
  try {
    view = await conversationScope(
      {
        db: deps.db,
        clock: deps.clock,
        log: deps.logger,
        organizationId: message.organizationId,
        user: { id: message.senderId },
      },
      message.conversationId,
    );
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return 0;
    throw error;
  }
  let sent = 0;
  for (const responder of responders) {
    const reply = replyOf(view.scope, view.scope.actor, message, responder);
    if (!reply) continue;
    const wrote = await deps.db.transaction().execute(async (trx) => {
      await lockConversation(trx, message.conversationId);
      const claimed = await trx
        .insertInto("auto_responses")
        .values({
          organization_id: message.organizationId,
          conversation_id: message.conversationId,
          responder_id: responder.userId,
          period: reply.period,
        })
        .onConflict((oc) => oc.doNothing())
        .returning("period")
        .executeTakeFirst();
      if (!claimed) return false;
      await writeMessage(trx, {
        organizationId: message.organizationId,
        conversationId: message.conversationId,
        senderId: responder.userId,
        clientId: `auto:${message.conversationId}:${reply.period}`,
        body: reply.body,
        type: "general",
        priority: "normal",
        sentAt: deps.clock.now(),
        readBy: [responder.userId],
        automatic: true,
      });
      return true;
    });
    if (wrote) sent++;
  }
  return sent;
}
