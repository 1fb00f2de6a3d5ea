import { type Database, isoDay, type Kysely, leaseStatus, sql, type Transaction } from "@hearth/db";
import type { MaintenanceRequestFacts } from "@hearth/policies";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import {
  attachmentsOf,
  attachToRequest,
  carryRequestFilesToThread,
  groupByOwner,
} from "../data/attachments";
import { addParticipants, insertConversation, lockConversation } from "../data/conversations";
import { writeMessage } from "../data/messages";
import { byRequest, recordShares, updatesOf } from "../maintenance/history";
import { requestsQuery } from "../maintenance/request-query";
import { loadParties } from "../policy/facts";
import { enforce, type PolicyScope } from "../policy/gateway";
import { publishLiveEvent } from "../realtime/hub";

type MemberContext = Context & {
  organizationId: string;
  user: { id: string; displayName: string };
};

export interface SubmitInput {
  title: string;
  description: string;
  unitId?: string | undefined;
  /** Photos and files from `/api/files` to put on the request (and its thread's first message). */
  attachmentIds?: readonly string[] | undefined;
}

/** Client id of a thread's first message (the request's description): one per request. */
const firstMessageClientId = (requestId: string) => `maintenance-${requestId}`;

/** The units a resident lives in today or is moving into: active leases first, then future ones. */
async function currentUnitsOf(ctx: MemberContext, scope: PolicyScope, userId: string) {
  const today = isoDay(scope.now, scope.org.timezone);
  const rows = await ctx.db
    .selectFrom("resident_leases as rl")
    .select([
      "rl.unit_id as unitId",
      "rl.unit_name as unitName",
      "rl.property_id as propertyId",
      "rl.property_name as propertyName",
      "rl.starts_on",
      "rl.ends_on",
    ])
    .where("rl.user_id", "=", userId)
    .where("rl.organization_id", "=", ctx.organizationId)
    .orderBy("rl.property_name")
    .orderBy("rl.unit_name")
    .execute();
  const units = new Map<
    string,
    {
      unitId: string;
      unitName: string;
      propertyId: string;
      propertyName: string;
      status: "active" | "future";
    }
  >();
  for (const row of rows) {
    const status = leaseStatus(row, today);
    if (status === "expired") continue;
    const known = units.get(row.unitId);
    if (known?.status === "active") continue;
    units.set(row.unitId, {
      unitId: row.unitId,
      unitName: row.unitName,
      propertyId: row.propertyId,
      propertyName: row.propertyName,
      status,
    });
  }
  return [...units.values()].sort((a, b) =>
    a.status === b.status ? 0 : a.status === "active" ? -1 : 1,
  );
}

/** The unit a request is about: the one given (which the resident must live in) or their only one. */
async function unitForRequest(ctx: MemberContext, scope: PolicyScope, unitId: string | undefined) {
  const units = await currentUnitsOf(ctx, scope, ctx.user.id);
  if (unitId) {
    const unit = units.find((u) => u.unitId === unitId);
    if (unit) return unit;
    const exists = await ctx.db
      .selectFrom("units")
      .select("id")
      .where("id", "=", unitId)
      .where("organization_id", "=", ctx.organizationId)
      .executeTakeFirst();
    if (!exists)
      throw new TRPCError({
        code: "NOT_FOUND",
        message: "unitId: No such unit in your organization.",
      });
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "unitId: You can submit requests only for a unit you live in.",
    });
  }
  const active = units.filter((u) => u.status === "active");
  const candidates = active.length ? active : units;
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "unitId: You have no current lease, so there is no unit to send a request about.",
    });
  throw new TRPCError({
    code: "BAD_REQUEST",
    message: "unitId: You live in more than one unit; choose the one this request is about.",
  });
}

/**
 * The managers who get a thread about this request, as the policy says: each manager's
 * "Maintenance Settings" (opt-out of tenant-submitted requests) and whether the Maintenance
 * Requests channel exists for them (sub-user limits, connection).
 */
async function managersForThread(
  ctx: MemberContext,
  scope: PolicyScope,
  request: MaintenanceRequestFacts,
): Promise<string[]> {
  const managers = await ctx.db
    .selectFrom("users")
    .leftJoin("user_settings as s", "s.user_id", "users.id")
    .select(["users.id", "s.maintenance_threads_enabled as enabled"])
    .where("users.organization_id", "=", ctx.organizationId)
    .where("users.kind", "=", "manager")
    .execute();
  const parties = await loadParties(
    ctx.db,
    ctx.organizationId,
    managers.map((m) => m.id),
    scope.now,
    scope.org.timezone,
  );
  return managers
    .filter((m) => {
      const party = parties.get(m.id);
      if (!party) return false;
      return (
        scope.policy.maintenanceThread({
          recipient: party,
          request,
          settings: { tenantRequestThreads: m.enabled ?? true },
        }).allowed &&
        scope.policy.useChannel({ org: scope.orgFacts, actor: party, channel: "maintenance" })
          .allowed
      );
    })
    .map((m) => m.id);
}

async function insertThread(
  trx: Transaction<Database>,
  ctx: MemberContext,
  request: { id: string; title: string },
): Promise<string> {
  return insertConversation(trx, {
    organizationId: ctx.organizationId,
    kind: "maintenance",
    title: request.title,
    unitId: null,
    maintenanceRequestId: request.id,
    // Created by the system from the request (policy facts: createdByKind null).
    createdBy: null,
    at: ctx.clock.now(),
  });
}

export interface SubmitResult {
  requestId: string;
  /** The request's "Maintenance Requests" thread, when the policy created one. */
  conversationId: string | null;
  /** Why no thread was created, to show the resident. */
  threadReason: string | null;
}

/**
 * A resident submits a maintenance request. As the policy's `maintenanceThread` says, a thread
 * about it is created for the submitter and the managers who get it (seed 001: "the system also
 * automatically creates a separate thread on your end" unless a manager disabled it in their
 * Maintenance Settings), with the description as its first message.
 */
export async function submitRequest(
  ctx: MemberContext,
  scope: PolicyScope,
  input: SubmitInput,
): Promise<SubmitResult> {
  if (scope.actor.kind !== "resident")
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Only residents can submit maintenance requests.",
    });
  const attachmentIds = input.attachmentIds ?? [];
  if (attachmentIds.length > 0) enforce(scope.policy.attachFile({ actor: scope.actor }));
  const unit = await unitForRequest(ctx, scope, input.unitId);
  const facts: MaintenanceRequestFacts = { submittedBy: scope.actor, sharedWith: [] };
  const forSubmitter = scope.policy.maintenanceThread({ recipient: scope.actor, request: facts });
  const managerIds = forSubmitter.allowed ? await managersForThread(ctx, scope, facts) : [];
  const threadReason = !forSubmitter.allowed
    ? forSubmitter.reason
    : managerIds.length === 0
      ? "Your manager follows up on requests outside of Messages, so no thread was created."
      : null;

  return ctx.db.transaction().execute(async (trx) => {
    const request = await trx
      .insertInto("maintenance_requests")
      .values({
        organization_id: ctx.organizationId,
        property_id: unit.propertyId,
        unit_id: unit.unitId,
        submitted_by: ctx.user.id,
        title: input.title,
        description: input.description,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const files = {
      organizationId: ctx.organizationId,
      submitterId: ctx.user.id,
      requestId: request.id,
    };
    if (threadReason !== null) {
      await attachToRequest(trx, { ...files, messageId: null }, attachmentIds);
      return { requestId: request.id, conversationId: null, threadReason };
    }
    const conversationId = await insertThread(trx, ctx, { id: request.id, title: input.title });
    await addParticipants(trx, ctx.organizationId, conversationId, [ctx.user.id, ...managerIds]);
    const first = await writeMessage(trx, {
      organizationId: ctx.organizationId,
      conversationId,
      senderId: ctx.user.id,
      clientId: firstMessageClientId(request.id),
      body: input.description,
      type: "maintenance",
      priority: "normal",
      sentAt: ctx.clock.now(),
      readBy: [ctx.user.id],
    });
    await attachToRequest(trx, { ...files, messageId: first.id }, attachmentIds);
    return { requestId: request.id, conversationId, threadReason: null };
  });
}

async function requestInOrganization(db: Kysely<Database>, organizationId: string, id: string) {
  const request = await db
    .selectFrom("maintenance_requests")
    .select(["id", "title", "description", "submitted_by"])
    .where("id", "=", id)
    .where("organization_id", "=", organizationId)
    .executeTakeFirst();
  if (!request)
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "requestId: No such maintenance request in your organization.",
    });
  return request;
}

async function threadOf(db: Kysely<Database>, organizationId: string, requestId: string) {
  const thread = await db
    .selectFrom("conversations")
    .select("id")
    .where("kind", "=", "maintenance")
    .where("maintenance_request_id", "=", requestId)
    .where("organization_id", "=", organizationId)
    .executeTakeFirst();
  if (!thread) return null;
  const members = await db
    .selectFrom("conversation_participants")
    .select("user_id")
    .where("conversation_id", "=", thread.id)
    .execute();
  return { id: thread.id, memberIds: members.map((m) => m.user_id) };
}

export interface ShareResult {
  /** The request's thread, when the people shared with take part in one. */
  conversationId: string | null;
  /** True when sharing created the request's thread. */
  created: boolean;
  /** People who joined the thread now (sharing again with someone already in it adds nobody). */
  added: string[];
  /** People the request was not shared with before: they see it and its updates from now on. */
  sharedWith: string[];
  /** Why nobody got a thread about it, where the profile has no maintenance threads. */
  threadReason: string | null;
}

/**
 * A manager shares a request with tenants or service pros (`shareMaintenanceRequest`): they see
 * it and its updates on their maintenance page. Where the policy's `maintenanceThread` allows,
 * they also join the request's thread, which is created when there is none yet (seed 001: "If you
 * are connected and the Maintenance request is shared with them, the system automatically
 * creates a separate thread on their end"). Nothing is written when one person is refused.
 */
export async function shareRequest(
  ctx: MemberContext,
  scope: PolicyScope,
  input: { requestId: string; userIds: readonly string[] },
): Promise<ShareResult> {
  const request = await requestInOrganization(ctx.db, ctx.organizationId, input.requestId);
  const invitees = [...new Set(input.userIds)].filter((id) => id !== ctx.user.id);
  if (invitees.length === 0)
    throw new TRPCError({ code: "BAD_REQUEST", message: "userIds: Choose at least one person." });
  const parties = await loadParties(
    ctx.db,
    ctx.organizationId,
    [...invitees, request.submitted_by],
    scope.now,
    scope.org.timezone,
  );
  if (invitees.some((id) => !parties.has(id)))
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "userIds: No such person in your organization.",
    });
  for (const id of invitees)
    enforce(
      scope.policy.shareMaintenanceRequest({ actor: scope.actor, recipient: parties.get(id)! }),
    );
  const submitter = parties.get(request.submitted_by)!;
  const existing = await threadOf(ctx.db, ctx.organizationId, request.id);
  const sharedBefore = (existing?.memberIds ?? []).filter((id) => id !== submitter.userId);
  const facts: MaintenanceRequestFacts = {
    submittedBy: submitter,
    sharedWith: [...new Set([...sharedBefore, ...invitees])],
  };
  const channel = scope.policy.useChannel({
    org: scope.orgFacts,
    actor: scope.actor,
    channel: "maintenance",
  });
  const threadDecisions = invitees.map((id) =>
    scope.policy.maintenanceThread({ recipient: parties.get(id)!, request: facts }),
  );
  const refusal = [...threadDecisions, channel].find((decision) => !decision.allowed);
  const threadReason = refusal && !refusal.allowed ? refusal.reason : null;
  // Computed before the transaction: who else gets the thread if sharing creates it.
  const withSubmitter = scope.policy.maintenanceThread({ recipient: submitter, request: facts })
    .allowed
    ? [submitter.userId]
    : [];
  const managerIds = existing || threadReason ? [] : await managersForThread(ctx, scope, facts);

  return ctx.db.transaction().execute(async (trx) => {
    // Serializes shares of one request, so two at once never create two threads. Advisory, so
    // that the thread's own lock below still comes before this transaction's first write.
    await sql`select pg_advisory_xact_lock(hashtextextended(${`maintenance:${request.id}`}, 0))`.execute(
      trx,
    );
    const thread = await threadOf(trx, ctx.organizationId, request.id);
    if (thread) await lockConversation(trx, thread.id);
    const sharedWith = await recordShares(trx, {
      organizationId: ctx.organizationId,
      requestId: request.id,
      authorId: ctx.user.id,
      userIds: invitees,
    });
    if (threadReason !== null)
      return { conversationId: null, created: false, added: [], sharedWith, threadReason };
    if (thread) {
      const added = await addParticipants(trx, ctx.organizationId, thread.id, invitees);
      const latest = await trx
        .selectFrom("messages")
        .select("id")
        .where("conversation_id", "=", thread.id)
        .where("sent_at", "is not", null)
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirst();
      // Refreshes the inbox of the people who just joined.
      if (added.length && latest)
        await publishLiveEvent(trx, {
          type: "message",
          change: "created",
          conversationId: thread.id,
          messageId: latest.id,
          recipients: added,
        });
      return { conversationId: thread.id, created: false, added, sharedWith, threadReason };
    }
    const conversationId = await insertThread(trx, ctx, request);
    const members = [...new Set([ctx.user.id, ...withSubmitter, ...managerIds, ...invitees])];
    await addParticipants(trx, ctx.organizationId, conversationId, members);
    // The thread opens with the request as its submitter wrote it, and its photos.
    const first = await writeMessage(trx, {
      organizationId: ctx.organizationId,
      conversationId,
      senderId: request.submitted_by,
      clientId: firstMessageClientId(request.id),
      body: request.description || request.title,
      type: "maintenance",
      priority: "normal",
      sentAt: ctx.clock.now(),
      readBy: [ctx.user.id, request.submitted_by],
    });
    await carryRequestFilesToThread(trx, ctx.organizationId, request.id, first.id);
    return { conversationId, created: true, added: invitees, sharedWith, threadReason };
  });
}

/**
 * Maintenance requests the viewer may see: managers every request of their organization,
 * everyone else the requests they submitted or that were shared with them. `conversationId` is
 * set when the viewer takes part in the request's thread.
 */
export async function listRequests(ctx: MemberContext, scope: PolicyScope) {
  const viewerId = ctx.user.id;
  let query = requestsQuery(ctx.db, viewerId)
    .select("r.description")
    .where("r.organization_id", "=", ctx.organizationId)
    .orderBy("r.created_at", "desc")
    .orderBy("r.id", "desc")
    .limit(200);
  if (scope.actor.kind !== "manager")
    query = query.where((eb) =>
      eb.or([
        eb("r.submitted_by", "=", viewerId),
        eb("me.user_id", "is not", null),
        eb.exists(
          eb
            .selectFrom("maintenance_request_updates as shared")
            .select("shared.id")
            .whereRef("shared.request_id", "=", "r.id")
            .where("shared.kind", "=", "shared")
            .where("shared.shared_with", "=", viewerId),
        ),
      ]),
    );
  const rows = await query.execute();
  const ids = rows.map((row) => row.id);
  const [updates, files] = await Promise.all([
    updatesOf(ctx.db, ctx.organizationId, ids),
    attachmentsOf(ctx.db, ctx.organizationId, "maintenance_request_id", ids),
  ]);
  const history = byRequest(updates);
  const filesOf = groupByOwner(files);
  return rows.map(({ threadId, viewerInThread, ...row }) => ({
    ...row,
    mine: row.submittedById === viewerId,
    hasThread: threadId !== null,
    conversationId: viewerInThread ? threadId : null,
    updates: history.get(row.id) ?? [],
    attachments: filesOf.get(row.id) ?? [],
  }));
}

/** The units a resident may file a request about (for the form). */
export async function unitsForForm(ctx: MemberContext, scope: PolicyScope) {
  if (scope.actor.kind !== "resident") return [];
  return currentUnitsOf(ctx, scope, ctx.user.id);
}

/** A manager's own "Maintenance Settings": threads for requests their tenants submit. */
export async function maintenanceSettings(ctx: MemberContext, scope: PolicyScope) {
  const row = await ctx.db
    .selectFrom("user_settings")
    .select("maintenance_threads_enabled as enabled")
    .where("user_id", "=", ctx.user.id)
    .where("organization_id", "=", ctx.organizationId)
    .executeTakeFirst();
  return {
    enabled: row?.enabled ?? true,
    /** Allowed when the switch applies in this organization; otherwise why not. */
    optOut: scope.policy.configureMaintenanceThreads({ actor: scope.actor }),
  };
}

export async function setMaintenanceThreads(
  ctx: MemberContext,
  scope: PolicyScope,
  enabled: boolean,
) {
  const { optOut } = await maintenanceSettings(ctx, scope);
  enforce(optOut);
  await ctx.db
    .insertInto("user_settings")
    .values({
      user_id: ctx.user.id,
      organization_id: ctx.organizationId,
      signature: null,
      auto_response_body: null,
      maintenance_threads_enabled: enabled,
    })
    .onConflict((oc) =>
      oc.column("user_id").doUpdateSet({
        maintenance_threads_enabled: enabled,
        updated_at: sql`now()`,
      }),
    )
    .execute();
  return { enabled };
}
