/**
 * The choices the search page offers as filters, limited to what the viewer may know of: the
 * people they share a conversation with (not an announcement's other recipients), and the properties and units their conversations are
 * about (a manager: every property and unit of the organization).
 */
import type { Database, Kysely } from "@hearth/db";
import { sharedOutsideAnnouncements } from "../messaging/announcement-privacy";

const MOST = 500;

export interface SearchFilterOptions {
  people: { id: string; name: string }[];
  properties: { id: string; name: string }[];
  units: { id: string; name: string; propertyId: string }[];
}

async function coParticipants(
  db: Kysely<Database>,
  organizationId: string,
  viewerId: string,
  isManager: boolean,
) {
  return db
    .selectFrom("conversation_participants as me")
    .innerJoin("conversations as c", "c.id", "me.conversation_id")
    .innerJoin("conversation_participants as other", (join) =>
      join
        .onRef("other.conversation_id", "=", "me.conversation_id")
        .on("other.user_id", "<>", viewerId),
    )
    .innerJoin("users as u", "u.id", "other.user_id")
    .where("me.user_id", "=", viewerId)
    .where("me.organization_id", "=", organizationId)
    .where(sharedOutsideAnnouncements(isManager))
    .select(["u.id", "u.display_name as name"])
    .distinct()
    .orderBy("name")
    .orderBy("u.id")
    .limit(MOST)
    .execute();
}

async function organizationUnits(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom("units as un")
    .innerJoin("properties as p", "p.id", "un.property_id")
    .where("un.organization_id", "=", organizationId)
    .select(["un.id", "un.name", "p.id as propertyId", "p.name as propertyName"])
    .orderBy("p.name")
    .orderBy("un.name")
    .limit(MOST)
    .execute();
}

async function unitsOfConversations(
  db: Kysely<Database>,
  organizationId: string,
  viewerId: string,
) {
  return db
    .selectFrom("conversation_participants as me")
    .innerJoin("conversations as c", "c.id", "me.conversation_id")
    .leftJoin("maintenance_requests as mr", "mr.id", "c.maintenance_request_id")
    .innerJoin("units as un", (join) =>
      join.on((eb) => eb("un.id", "=", eb.fn.coalesce("c.unit_id", "mr.unit_id"))),
    )
    .innerJoin("properties as p", "p.id", "un.property_id")
    .where("me.user_id", "=", viewerId)
    .where("me.organization_id", "=", organizationId)
    .select(["un.id", "un.name", "p.id as propertyId", "p.name as propertyName"])
    .distinct()
    .orderBy("propertyName")
    .orderBy("un.name")
    .limit(MOST)
    .execute();
}

export async function searchFilterOptions(
  db: Kysely<Database>,
  organizationId: string,
  viewerId: string,
  isManager: boolean,
): Promise<SearchFilterOptions> {
  const [people, units, properties] = await Promise.all([
    coParticipants(db, organizationId, viewerId, isManager),
    isManager
      ? organizationUnits(db, organizationId)
      : unitsOfConversations(db, organizationId, viewerId),
    isManager
      ? db
          .selectFrom("properties")
          .where("organization_id", "=", organizationId)
          .select(["id", "name"])
          .orderBy("name")
          .limit(MOST)
          .execute()
      : Promise.resolve(null),
  ]);
  const fromUnits = new Map(units.map((unit) => [unit.propertyId, unit.propertyName]));
  return {
    people,
    properties: properties ?? [...fromUnits].map(([id, name]) => ({ id, name })),
    units: units.map(({ id, name, propertyId }) => ({ id, name, propertyId })),
  };
}
