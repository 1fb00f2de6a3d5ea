/**
 * A maintenance request's history: the status changes and shares a resident follows on their
 * maintenance page. The one module that reads and writes `maintenance_request_updates`.
 */
import type { Database, Kysely, MaintenanceStatus, Transaction } from "@hearth/db";

export interface RequestUpdate {
  id: number;
  requestId: string;
  kind: "status" | "shared";
  status: MaintenanceStatus | null;
  authorName: string | null;
  sharedWithId: string | null;
  sharedWithName: string | null;
  sharedWithKind: string | null;
  createdAt: Date;
}

/** The updates of these requests, oldest first. */
export async function updatesOf(
  db: Kysely<Database>,
  organizationId: string,
  requestIds: readonly string[],
): Promise<RequestUpdate[]> {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom("maintenance_request_updates as up")
    .leftJoin("users as a", "a.id", "up.author_id")
    .leftJoin("users as w", "w.id", "up.shared_with")
    .select([
      "up.id",
      "up.request_id as requestId",
      "up.kind",
      "up.status",
      "a.display_name as authorName",
      "up.shared_with as sharedWithId",
      "w.display_name as sharedWithName",
      "w.kind as sharedWithKind",
      "up.created_at as createdAt",
    ])
    .where("up.organization_id", "=", organizationId)
    .where("up.request_id", "in", [...requestIds])
    .orderBy("up.id")
    .execute();
}

/** Groups updates by request, keeping their order. */
export function byRequest(updates: readonly RequestUpdate[]): Map<string, RequestUpdate[]> {
  const grouped = new Map<string, RequestUpdate[]>();
  for (const update of updates) {
    const list = grouped.get(update.requestId) ?? [];
    list.push(update);
    grouped.set(update.requestId, list);
  }
  return grouped;
}

export async function recordStatus(
  trx: Transaction<Database>,
  update: {
    organizationId: string;
    requestId: string;
    authorId: string;
    status: MaintenanceStatus;
  },
): Promise<number> {
  const row = await trx
    .insertInto("maintenance_request_updates")
    .values({
      organization_id: update.organizationId,
      request_id: update.requestId,
      author_id: update.authorId,
      kind: "status",
      status: update.status,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records shares; returns the people it was not shared with before. */
export async function recordShares(
  trx: Transaction<Database>,
  share: {
    organizationId: string;
    requestId: string;
    authorId: string;
    userIds: readonly string[];
  },
): Promise<string[]> {
  if (share.userIds.length === 0) return [];
  const rows = await trx
    .insertInto("maintenance_request_updates")
    .values(
      share.userIds.map((userId) => ({
        organization_id: share.organizationId,
        request_id: share.requestId,
        author_id: share.authorId,
        kind: "shared" as const,
        shared_with: userId,
      })),
    )
    .onConflict((oc) =>
      oc.columns(["request_id", "shared_with"]).where("kind", "=", "shared").doNothing(),
    )
    .returning("shared_with")
    .execute();
  return rows.flatMap((row) => (row.shared_with ? [row.shared_with] : []));
}
