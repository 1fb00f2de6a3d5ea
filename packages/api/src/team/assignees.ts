import type { Database, Kysely } from "@hearth/db";
import { loadNamedParties } from "../policy/facts";
import type { PolicyScope } from "../policy/gateway";

/** The managers conversations may be assigned to, by name. */
export async function assignableManagers(
  db: Kysely<Database>,
  organizationId: string,
  scope: PolicyScope,
): Promise<{ id: string; name: string }[]> {
  const managers = await db
    .selectFrom("users")
    .select("id")
    .where("organization_id", "=", organizationId)
    .where("kind", "=", "manager")
    .where("password_hash", "is not", null)
    .execute();
  const people = await loadNamedParties(
    db,
    organizationId,
    managers.map((m) => m.id),
    scope.now,
    scope.org.timezone,
  );
  return [...people]
    .filter(([, person]) => scope.policy.beAssigned({ assignee: person.party }).allowed)
    .map(([id, person]) => ({ id, name: person.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The conversation's place in the team inbox: who handles it, and whether it is closed. */
export async function teamStateOfConversation(db: Kysely<Database>, conversationId: string) {
  return db
    .selectFrom("conversations as c")
    .leftJoin("users as a", "a.id", "c.assignee_id")
    .leftJoin("users as closer", "closer.id", "c.closed_by")
    .select([
      "c.assignee_id as assigneeId",
      "a.display_name as assigneeName",
      "c.closed_at as closedAt",
      "closer.display_name as closedByName",
    ])
    .where("c.id", "=", conversationId)
    .executeTakeFirstOrThrow();
}
