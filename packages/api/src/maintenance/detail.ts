import { type Database, type Kysely, maintenanceStatuses } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { attachmentsOf } from "../data/attachments";
import { loadParties } from "../policy/facts";
import type { PolicyScope } from "../policy/gateway";
import { updatesOf } from "./history";
import { requestsQuery } from "./request-query";

type MemberContext = Context & { organizationId: string; user: { id: string } };

async function requestRow(
  db: Kysely<Database>,
  organizationId: string,
  viewerId: string,
  id: string,
) {
  const row = await requestsQuery(db, viewerId)
    .select("r.description")
    .where("r.id", "=", id)
    .where("r.organization_id", "=", organizationId)
    .executeTakeFirst();
  if (!row)
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "requestId: No such maintenance request in your organization.",
    });
  return row;
}

/** Service pros and residents a request may be shared with, each with the policy's answer. */
async function shareCandidates(ctx: MemberContext, scope: PolicyScope, submitterId: string) {
  const people = await ctx.db
    .selectFrom("users")
    .select(["id", "display_name as name", "kind"])
    .where("organization_id", "=", ctx.organizationId)
    .where("kind", "in", ["service_pro", "resident"])
    .where("id", "!=", submitterId)
    .orderBy("kind", "desc")
    .orderBy("display_name")
    .limit(200)
    .execute();
  const parties = await loadParties(
    ctx.db,
    ctx.organizationId,
    people.map((p) => p.id),
    scope.now,
    scope.org.timezone,
  );
  return people.flatMap((person) => {
    const party = parties.get(person.id);
    if (!party) return [];
    const decision = scope.policy.shareMaintenanceRequest({ actor: scope.actor, recipient: party });
    return [{ ...person, share: decision }];
  });
}

/** One request for the managers' detail page: its history, status choices and whom to share with. */
export async function requestDetail(ctx: MemberContext, scope: PolicyScope, requestId: string) {
  const row = await requestRow(ctx.db, ctx.organizationId, ctx.user.id, requestId);
  const [updates, candidates, files] = await Promise.all([
    updatesOf(ctx.db, ctx.organizationId, [row.id]),
    shareCandidates(ctx, scope, row.submittedById),
    attachmentsOf(ctx.db, ctx.organizationId, "maintenance_request_id", [row.id]),
  ]);
  const { threadId, viewerInThread, ...request } = row;
  const sharedIds = new Set(updates.flatMap((u) => (u.sharedWithId ? [u.sharedWithId] : [])));
  return {
    request: {
      ...request,
      hasThread: threadId !== null,
      conversationId: viewerInThread ? threadId : null,
    },
    attachments: files.map(({ ownerId, ...file }) => file),
    updates,
    statuses: maintenanceStatuses,
    changeStatus: scope.policy.changeMaintenanceStatus({ actor: scope.actor }),
    shareWith: candidates.map((c) => ({ ...c, alreadyShared: sharedIds.has(c.id) })),
  };
}
