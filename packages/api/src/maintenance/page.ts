/**
 * The managers' maintenance page: every request of the organization, newest first, a page at a
 * time (keyset on `created_at, id`), filtered by status, priority, property or unit.
 */
import type { Database, Kysely, MaintenanceStatus, Priority } from "@hearth/db";
import { sql } from "@hearth/db";
import { attachmentsOf, groupByOwner } from "../data/attachments";

export const REQUESTS_PAGE_SIZE = 25;

export interface RequestsFilter {
  status?: MaintenanceStatus | undefined;
  priority?: Priority | undefined;
  propertyId?: string | undefined;
  unitId?: string | undefined;
  /** The `nextCursor` of the page before (a request id); the first page when absent. */
  cursor?: string | undefined;
  limit?: number | undefined;
}

export function requestsPageQuery(
  db: Kysely<Database>,
  organizationId: string,
  viewerId: string,
  filter: RequestsFilter,
) {
  const limit = filter.limit ?? REQUESTS_PAGE_SIZE;
  let query = db
    .selectFrom("maintenance_requests as r")
    .innerJoin("properties as p", "p.id", "r.property_id")
    .leftJoin("units as u", "u.id", "r.unit_id")
    .innerJoin("users as s", "s.id", "r.submitted_by")
    .leftJoin("conversations as c", (join) =>
      join.onRef("c.maintenance_request_id", "=", "r.id").on("c.kind", "=", "maintenance"),
    )
    .leftJoin("conversation_participants as me", (join) =>
      join.onRef("me.conversation_id", "=", "c.id").on("me.user_id", "=", viewerId),
    )
    .select([
      "r.id",
      "r.title",
      "r.status",
      "r.priority",
      "r.created_at as createdAt",
      "r.updated_at as updatedAt",
      "p.name as propertyName",
      "u.name as unitName",
      "s.display_name as submittedByName",
      sql<string | null>`case when me.user_id is not null then c.id end`.as("conversationId"),
    ])
    .where("r.organization_id", "=", organizationId)
    .orderBy("r.created_at", "desc")
    .orderBy("r.id", "desc")
    .limit(limit + 1);
  if (filter.status) query = query.where("r.status", "=", filter.status);
  if (filter.priority) query = query.where("r.priority", "=", filter.priority);
  if (filter.propertyId) query = query.where("r.property_id", "=", filter.propertyId);
  if (filter.unitId) query = query.where("r.unit_id", "=", filter.unitId);
  if (filter.cursor) {
    // A cursor of another organization matches no row, so the page is empty rather than leaking.
    const after = filter.cursor;
    query = query.where(
      sql<boolean>`(r.created_at, r.id) < (select created_at, id from maintenance_requests
        where id = ${after} and organization_id = ${organizationId})`,
    );
  }
  return query;
}

export async function requestsPage(
  db: Kysely<Database>,
  organizationId: string,
  viewerId: string,
  filter: RequestsFilter,
) {
  const limit = filter.limit ?? REQUESTS_PAGE_SIZE;
  const found = await requestsPageQuery(db, organizationId, viewerId, filter).execute();
  const page = found.slice(0, limit);
  const files = groupByOwner(
    await attachmentsOf(
      db,
      organizationId,
      "maintenance_request_id",
      page.map((row) => row.id),
    ),
  );
  const rows = page.map((row) => ({ ...row, attachments: files.get(row.id) ?? [] }));
  return {
    rows,
    nextCursor: found.length > limit ? (rows[rows.length - 1]?.id ?? null) : null,
  };
}

/** The properties and units to filter by. */
export async function filterChoices(db: Kysely<Database>, organizationId: string) {
  const [properties, units] = await Promise.all([
    db
      .selectFrom("properties")
      .select(["id", "name"])
      .where("organization_id", "=", organizationId)
      .orderBy("name")
      .execute(),
    db
      .selectFrom("units as u")
      .innerJoin("properties as p", "p.id", "u.property_id")
      .select(["u.id", "u.name", "p.id as propertyId", "p.name as propertyName"])
      .where("u.organization_id", "=", organizationId)
      .orderBy("p.name")
      .orderBy("u.name")
      .execute(),
  ]);
  return { properties, units };
}
