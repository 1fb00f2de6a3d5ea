import type { AppKind, Database, Kysely } from "@hearth/db";
import type { BroadcastAudience } from "@hearth/policies";
import { TRPCError } from "@trpc/server";
import { scheduledBroadcastJobKey } from "../broadcasts/scheduled-broadcasts";
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import { sendBroadcast } from "../messaging/broadcast";
import { enqueue } from "../outbox";
import { enforce, policyScope } from "../policy/gateway";
import { PolicyRefusal } from "../trpc";
import { SCHEDULED_REFUSED_KIND } from "./send-scheduled-message";

export interface ScheduledBroadcastDeps {
  db: Kysely<Database>;
  logger: Logger;
  clock: Clock;
  urls: Record<AppKind, string>;
}

export type ScheduledBroadcastOutcome = "sent" | "refused" | "not_due" | "gone";

/** The row, if it still waits (or was being sent when a worker stopped). */
function readWaiting(db: Kysely<Database>, id: string, lock = false) {
  const query = db
    .selectFrom("scheduled_broadcasts as b")
    .innerJoin("users as u", "u.id", "b.author_id")
    .select([
      "b.id",
      "b.organization_id as organizationId",
      "b.author_id as authorId",
      "u.display_name as authorName",
      "b.client_id as clientId",
      "b.audience",
      "b.body",
      "b.type",
      "b.copy_to_email as copyToEmail",
      "b.send_at as sendAt",
      "b.status",
    ])
    .where("b.id", "=", id)
    .where("b.status", "in", ["scheduled", "sending"]);
  return (lock ? query.forUpdate("b") : query).executeTakeFirst();
}

type Waiting = NonNullable<Awaited<ReturnType<typeof readWaiting>>>;

/** Keeps the broadcast unsent with the reason, and tells its author. */
async function refuse(deps: ScheduledBroadcastDeps, row: Waiting, reason: string) {
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("scheduled_broadcasts")
      .set({ status: "refused", refusal: reason, updated_at: deps.clock.now() })
      .where("id", "=", row.id)
      .execute();
    await trx
      .insertInto("notifications")
      .values({
        organization_id: row.organizationId,
        user_id: row.authorId,
        kind: SCHEDULED_REFUSED_KIND,
        payload: JSON.stringify({ reason, excerpt: row.body.slice(0, 140), broadcast: true }),
      })
      .execute();
  });
  return "refused" as const;
}

/**
 * Sends a scheduled broadcast when its time has come, as its author, if the policy still lets
 * them, to the audience as it resolves now. The row is first marked "sending" under its lock, so
 * it can no longer be edited or cancelled; the broadcast itself is idempotent on the row's client
 * id, so a rerun after a crash (or a duplicate job) finds the one already sent and only records
 * it. Early (a clock behind, or a time moved later) it waits for its time again.
 */
export async function sendScheduledBroadcast(
  deps: ScheduledBroadcastDeps,
  id: string,
): Promise<ScheduledBroadcastOutcome> {
  const first = await readWaiting(deps.db, id);
  if (!first) return "gone";
  const now = deps.clock.now();
  if (first.sendAt.getTime() > now.getTime()) {
    await deps.db
      .transaction()
      .execute((trx) =>
        enqueue(
          trx,
          "send_scheduled_broadcast",
          { scheduledBroadcastId: id },
          { runAt: first.sendAt, jobKey: scheduledBroadcastJobKey(id) },
        ),
      );
    return "not_due";
  }
  const row = await deps.db.transaction().execute(async (trx) => {
    const locked = await readWaiting(trx, id, true);
    if (!locked || locked.sendAt.getTime() > now.getTime()) return null;
    await trx
      .updateTable("scheduled_broadcasts")
      .set({ status: "sending", updated_at: now })
      .where("id", "=", id)
      .execute();
    return locked;
  });
  if (!row) return "gone";

  const ctx = {
    db: deps.db,
    clock: deps.clock,
    urls: deps.urls,
    log: deps.logger,
    organizationId: row.organizationId,
    user: { id: row.authorId, displayName: row.authorName },
  };
  try {
    const scope = await policyScope(ctx);
    enforce(scope.policy.scheduleSend({ actor: scope.actor, now: scope.now }));
    const sent = await sendBroadcast(ctx, scope, {
      audience: row.audience as unknown as BroadcastAudience,
      clientId: row.clientId,
      body: row.body,
      type: row.type,
      copyToEmail: row.copyToEmail,
    });
    await deps.db
      .updateTable("scheduled_broadcasts")
      .set({ status: "sent", conversation_id: sent.conversationId, updated_at: now })
      .where("id", "=", id)
      .execute();
    // Not created: another run (or one that died before recording it) sent it already.
    return sent.created ? "sent" : "gone";
  } catch (error) {
    if (error instanceof TRPCError && error.cause instanceof PolicyRefusal)
      return refuse(deps, row, error.cause.reason);
    if (error instanceof TRPCError && (error.code === "UNAUTHORIZED" || error.code === "NOT_FOUND"))
      return refuse(deps, row, error.message);
    throw error;
  }
}
