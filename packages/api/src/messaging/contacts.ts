import { type Database, type Kysely, sql } from "@hearth/db";
import { loadParties } from "../policy/facts";
import type { PolicyScope } from "../policy/gateway";

/**
 * People (and units, for managers) the viewer might start a conversation with, searched by name,
 * unit or property, each with the policy's decision, so the UI can show a refused one disabled
 * with its reason.
 */
export async function searchContacts(
  db: Kysely<Database>,
  scope: PolicyScope,
  viewerId: string,
  search: string,
) {
  const term = `%${search.replace(/[\\%_]/g, "\\$&")}%`;
  const people = await db
    .selectFrom("users as u")
    .leftJoin("lease_residents as lr", "lr.user_id", "u.id")
    .leftJoin("leases as l", "l.id", "lr.lease_id")
    .leftJoin("units as un", "un.id", "l.unit_id")
    .leftJoin("properties as p", "p.id", "un.property_id")
    .select([
      "u.id",
      "u.display_name as name",
      "u.kind",
      "u.manager_role as managerRole",
      sql<string | null>`string_agg(distinct p.name || ' · ' || un.name, ', ')`.as("homes"),
    ])
    .where("u.organization_id", "=", scope.org.id)
    .where("u.id", "!=", viewerId)
    .where((eb) =>
      eb.or([
        eb("u.display_name", "ilike", term),
        eb("un.name", "ilike", term),
        eb("p.name", "ilike", term),
      ]),
    )
    .groupBy(["u.id", "u.display_name", "u.kind", "u.manager_role"])
    .orderBy("u.display_name")
    .limit(25)
    .execute();
  const parties = await loadParties(
    db,
    scope.org.id,
    people.map((p) => p.id),
    scope.now,
    scope.org.timezone,
  );
  const contacts = people.map((person) => {
    const party = parties.get(person.id);
    const kind = person.kind === "manager" && scope.actor.kind === "manager" ? "team" : "direct";
    const decision = party
      ? scope.policy.startConversation({
          org: scope.orgFacts,
          actor: scope.actor,
          kind,
          recipients: [party],
        })
      : scope.policy.membershipGate({ people: [party] });
    return {
      ...person,
      conversationKind: kind,
      leaseStatus: party?.leaseStatus ?? "none",
      decision,
    };
  });
  const units =
    scope.actor.kind === "manager"
      ? await db
          .selectFrom("units as un")
          .innerJoin("properties as p", "p.id", "un.property_id")
          .select(["un.id", "un.name", "p.name as propertyName"])
          .where("un.organization_id", "=", scope.org.id)
          .where((eb) => eb.or([eb("un.name", "ilike", term), eb("p.name", "ilike", term)]))
          .orderBy("p.name")
          .orderBy("un.name")
          .limit(10)
          .execute()
      : [];
  return { contacts, units };
}
