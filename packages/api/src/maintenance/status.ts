import { type MaintenanceStatus, sql } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { lockConversation } from "../data/conversations";
import { writeMessage } from "../data/messages";
import { enforce, type PolicyScope } from "../policy/gateway";
import { recordStatus } from "./history";

type MemberContext = Context & {
  organizationId: string;
  user: { id: string; displayName: string };
};

/** How a status reads in the message that tells the people of the request's thread. */
const statusSentences: Record<MaintenanceStatus, string> = {
  new: "Status changed to New.",
  in_progress: "Status changed to In progress: work on this request has started.",
  waiting: "Status changed to Waiting: this request is on hold for now.",
  done: "Status changed to Done: this request is complete.",
};

/**
 * A manager moves a request to another status. The resident is told: the change joins the
 * request's history on their maintenance page and, where the request has a thread, is posted in
 * it. Setting the status it already has changes nothing.
 */
export async function setStatus(
  ctx: MemberContext,
  scope: PolicyScope,
  input: { requestId: string; status: MaintenanceStatus },
) {
  enforce(scope.policy.changeMaintenanceStatus({ actor: scope.actor }));
  return ctx.db.transaction().execute(async (trx) => {
    // Advisory locks, in the order sharing takes them: a row lock would write, and the thread's
    // lock must come before the transaction's first write.
    await sql`select pg_advisory_xact_lock(hashtextextended(${`maintenance:${input.requestId}`}, 0))`.execute(
      trx,
    );
    const request = await trx
      .selectFrom("maintenance_requests")
      .select(["id", "status"])
      .where("id", "=", input.requestId)
      .where("organization_id", "=", ctx.organizationId)
      .executeTakeFirst();
    if (!request)
      throw new TRPCError({
        code: "NOT_FOUND",
        message: "requestId: No such maintenance request in your organization.",
      });
    if (request.status === input.status) return { status: input.status, changed: false };
    const thread = await trx
      .selectFrom("conversations")
      .select("id")
      .where("kind", "=", "maintenance")
      .where("maintenance_request_id", "=", request.id)
      .where("organization_id", "=", ctx.organizationId)
      .executeTakeFirst();
    if (thread) await lockConversation(trx, thread.id);
    const now = ctx.clock.now();
    await trx
      .updateTable("maintenance_requests")
      .set({ status: input.status, updated_at: now })
      .where("id", "=", request.id)
      .execute();
    const updateId = await recordStatus(trx, {
      organizationId: ctx.organizationId,
      requestId: request.id,
      authorId: ctx.user.id,
      status: input.status,
    });
    if (thread) {
      await writeMessage(trx, {
        organizationId: ctx.organizationId,
        conversationId: thread.id,
        senderId: ctx.user.id,
        clientId: `maintenance-status-${updateId}`,
        body: statusSentences[input.status],
        type: "maintenance",
        priority: "normal",
        sentAt: now,
        readBy: [ctx.user.id],
      });
    }
    return { status: input.status, changed: true };
  });
}
