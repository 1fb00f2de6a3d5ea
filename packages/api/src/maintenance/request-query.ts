import type { Database, Kysely } from "@hearth/db";

/**
 * Maintenance requests with what every view of them shows: property, unit, who submitted them,
 * and the request's thread with whether `viewerId` takes part in it. Callers add their filters.
 */
export function requestsQuery(db: Kysely<Database>, viewerId: string) {
  return db
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
      "p.name as propertyName",
      "u.name as unitName",
      "s.id as submittedById",
      "s.display_name as submittedByName",
      "c.id as threadId",
      "me.user_id as viewerInThread",
    ]);
}
