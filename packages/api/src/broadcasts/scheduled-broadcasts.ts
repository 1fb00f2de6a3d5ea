/**
 * Scheduled broadcasts: a broadcast that waits for its time. The policy is asked when it is
 * scheduled (so the composer says at once what won't go) and again when it goes, with the
 * audience resolved then; until it goes its author may change its text and time or cancel it.
 */
import type { MessageType } from "@hearth/db";
import type { BroadcastAudience } from "@hearth/policies";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { resolveAudience } from "../messaging/broadcast";
import { enforceDraft } from "../messaging/send";
import { enqueue, removeQueuedJob } from "../outbox";
import { enforce, type PolicyScope } from "../policy/gateway";

type MemberContext = Pick<Context, "db" | "clock" | "urls"> & {
  organizationId: string;
  user: { id: string; displayName: string };
};

/** The delivery job of one scheduled broadcast: at most one waits per broadcast. */
export function scheduledBroadcastJobKey(id: string): string {
  return `scheduled-broadcast:${id}`;
}

const notFound = () =>
  new TRPCError({
    code: "NOT_FOUND",
    message: "This scheduled broadcast does not exist, was sent or was cancelled.",
  });

export interface ScheduledBroadcastInput {
  audience: BroadcastAudience;
  clientId: string;
  body: string;
  type: MessageType;
  copyToEmail: boolean;
  sendAt: Date;
}

/** Everything a send now would be refused for, asked before the broadcast waits. */
async function enforceNow(
  ctx: MemberContext,
  scope: PolicyScope,
  input: Omit<ScheduledBroadcastInput, "sendAt">,
  sendAt: Date,
) {
  const { policy, actor, now } = scope;
  enforce(policy.sendBroadcast({ actor }));
  enforce(policy.scheduleSend({ actor, sendAt, now }));
  const { recipients } = await resolveAudience(ctx, scope, input.audience);
  enforce(
    policy.sendBroadcast({ actor, audience: input.audience, recipientCount: recipients.length }),
  );
  enforceDraft(scope, {
    clientId: input.clientId,
    body: input.body,
    type: input.type,
    priority: "normal",
  });
  if (input.copyToEmail) enforce(policy.copyToEmail({ actor }));
}

/** Schedules a broadcast; a retry with the same clientId schedules nothing more. */
export async function scheduleBroadcast(
  ctx: MemberContext,
  scope: PolicyScope,
  input: ScheduledBroadcastInput,
) {
  await enforceNow(ctx, scope, input, input.sendAt);
  return ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("scheduled_broadcasts")
      .values({
        organization_id: ctx.organizationId,
        author_id: ctx.user.id,
        client_id: input.clientId,
        audience: JSON.stringify(input.audience),
        body: input.body,
        type: input.type,
        copy_to_email: input.copyToEmail,
        send_at: input.sendAt,
        created_at: scope.now,
        updated_at: scope.now,
      })
      .onConflict((oc) => oc.columns(["organization_id", "author_id", "client_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) {
      const earlier = await trx
        .selectFrom("scheduled_broadcasts")
        .select("id")
        .where("organization_id", "=", ctx.organizationId)
        .where("author_id", "=", ctx.user.id)
        .where("client_id", "=", input.clientId)
        .executeTakeFirstOrThrow();
      return { id: earlier.id, created: false };
    }
    await enqueue(
      trx,
      "send_scheduled_broadcast",
      { scheduledBroadcastId: inserted.id },
      { runAt: input.sendAt, jobKey: scheduledBroadcastJobKey(inserted.id) },
    );
    return { id: inserted.id, created: true };
  });
}

/**
 * One's own scheduled broadcast that has not started going, locked: only a waiting one (or one
 * the policy refused at its time) can still change.
 */
function lockWaiting(trx: MemberContext["db"], ctx: MemberContext, id: string) {
  return trx
    .selectFrom("scheduled_broadcasts")
    .select([
      "id",
      "body",
      "type",
      "audience",
      "copy_to_email as copyToEmail",
      "client_id as clientId",
    ])
    .where("id", "=", id)
    .where("organization_id", "=", ctx.organizationId)
    .where("author_id", "=", ctx.user.id)
    .where("status", "in", ["scheduled", "refused"])
    .forUpdate()
    .executeTakeFirst();
}

/** A new text and/or time until it goes; a new time lifts a refusal and asks the policy again. */
export async function changeScheduledBroadcast(
  ctx: MemberContext,
  scope: PolicyScope,
  id: string,
  change: { body?: string | undefined; sendAt?: Date | undefined },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const waiting = await lockWaiting(trx, ctx, id);
    if (!waiting) throw notFound();
    if (change.sendAt)
      enforce(
        scope.policy.scheduleSend({ actor: scope.actor, sendAt: change.sendAt, now: scope.now }),
      );
    if (change.body !== undefined)
      enforceDraft(scope, {
        clientId: waiting.clientId,
        body: change.body,
        type: waiting.type,
        priority: "normal",
      });
    await trx
      .updateTable("scheduled_broadcasts")
      .set({
        ...(change.body !== undefined ? { body: change.body } : {}),
        ...(change.sendAt
          ? { send_at: change.sendAt, status: "scheduled" as const, refusal: null }
          : {}),
        updated_at: scope.now,
      })
      .where("id", "=", id)
      .execute();
    if (change.sendAt)
      await enqueue(
        trx,
        "send_scheduled_broadcast",
        { scheduledBroadcastId: id },
        { runAt: change.sendAt, jobKey: scheduledBroadcastJobKey(id) },
      );
    return { id };
  });
}

/** Cancels one's scheduled broadcast before it goes: it and its job are gone. */
export async function cancelScheduledBroadcast(ctx: MemberContext, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const waiting = await lockWaiting(trx, ctx, id);
    if (!waiting) throw notFound();
    await trx.deleteFrom("scheduled_broadcasts").where("id", "=", id).execute();
    await removeQueuedJob(trx, scheduledBroadcastJobKey(id));
    return { id };
  });
}

/** Who a stored audience reaches, in words ("All contacts", "3 specific contacts"). */
function audienceInWords(audience: Record<string, unknown>): string {
  if (audience.type === "specific" && Array.isArray(audience.userIds))
    return audience.userIds.length === 1
      ? "1 specific contact"
      : `${audience.userIds.length} specific contacts`;
  if (audience.type === "filtered") return "A filtered group";
  return "All contacts";
}

/** The caller's broadcasts waiting for their time (or refused at it), soonest first. */
export async function listScheduledBroadcasts(ctx: MemberContext) {
  const rows = await ctx.db
    .selectFrom("scheduled_broadcasts")
    .select(["id", "body", "type", "audience", "send_at as sendAt", "status", "refusal"])
    .where("organization_id", "=", ctx.organizationId)
    .where("author_id", "=", ctx.user.id)
    .where("status", "in", ["scheduled", "sending", "refused"])
    .orderBy("send_at")
    .orderBy("id")
    .limit(200)
    .execute();
  return rows.map(({ audience, ...row }) => ({ ...row, to: audienceInWords(audience) }));
}
