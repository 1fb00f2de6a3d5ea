import { type Database, isoDay, type Kysely, leaseStatus } from "@hearth/db";

/**
 * The details panel (seed 004 "Tenant Info" / "Group Details"): for each other participant, their
 * kind and, for residents, each lease's property, unit and term. Watchers (managers who only
 * opened it from the team inbox) are left out, so a direct chat stays a direct chat.
 */
export async function participantDetails(
  db: Kysely<Database>,
  conversationId: string,
  viewerId: string,
  now: Date,
  timeZone: string,
) {
  const rows = await db
    .selectFrom("conversation_participants as cp")
    .innerJoin("users as u", "u.id", "cp.user_id")
    .leftJoin("resident_leases as rl", "rl.user_id", "u.id")
    .select([
      "u.id",
      "u.display_name as name",
      "u.kind",
      "u.manager_role as managerRole",
      "u.email",
      "rl.property_name as propertyName",
      "rl.unit_name as unitName",
      "rl.starts_on as startsOn",
      "rl.ends_on as endsOn",
    ])
    .where("cp.conversation_id", "=", conversationId)
    .where("u.id", "!=", viewerId)
    // Managers watching from the team inbox are not parties of the conversation.
    .where("cp.watching", "=", false)
    .orderBy("u.display_name")
    .orderBy("rl.starts_on", "desc")
    .execute();
  const today = isoDay(now, timeZone);
  const people = new Map<
    string,
    {
      id: string;
      name: string;
      kind: string;
      managerRole: string | null;
      email: string;
      leases: {
        propertyName: string;
        unitName: string;
        startsOn: string;
        endsOn: string | null;
        status: string;
      }[];
    }
  >();
  for (const row of rows) {
    const person = people.get(row.id) ?? {
      id: row.id,
      name: row.name,
      kind: row.kind,
      managerRole: row.managerRole,
      email: row.email,
      leases: [],
    };
    if (row.startsOn && row.propertyName && row.unitName) {
      person.leases.push({
        propertyName: row.propertyName,
        unitName: row.unitName,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        status: leaseStatus({ starts_on: row.startsOn, ends_on: row.endsOn }, today),
      });
    }
    people.set(row.id, person);
  }
  return [...people.values()];
}
