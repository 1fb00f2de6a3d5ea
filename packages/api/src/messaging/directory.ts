import { type Database, type Kysely, sql } from "@hearth/db";
import type { PolicyScope } from "../policy/gateway";
import { searchContacts } from "./contacts";

/**
 * A directory row; `email` and `connection` are filled for managers only, `unit` for a member
 * looking at a neighbour where the profile needs it (policy `seeMemberUnit`).
 */
export interface DirectoryPerson {
  id: string;
  displayName: string;
  email: string | null;
  unit: string | null;
  kind: "manager" | "resident" | "service_pro" | "owner" | "operator";
  managerRole: "account_owner" | "sub_user" | null;
  connection: "invited" | "connected" | null;
}

/** Everyone of the organization, for its managers. */
export async function organizationPeople(
  db: Kysely<Database>,
  organizationId: string,
  search: string | undefined,
): Promise<DirectoryPerson[]> {
  let query = db
    .selectFrom("users")
    .leftJoin("connections", (join) =>
      join
        .onRef("connections.user_id", "=", "users.id")
        .onRef("connections.organization_id", "=", "users.organization_id"),
    )
    .select([
      "users.id",
      "users.display_name as displayName",
      "users.email",
      sql<null>`null`.as("unit"),
      "users.kind",
      "users.manager_role as managerRole",
      "connections.status as connection",
    ])
    .where("users.organization_id", "=", organizationId)
    .orderBy("users.display_name")
    .limit(200);
  if (search)
    query = query.where("users.display_name", "ilike", `%${search.replace(/[\\%_]/g, "\\$&")}%`);
  return query.execute();
}

export async function organizationPerson(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
): Promise<DirectoryPerson | null> {
  const person = await db
    .selectFrom("users")
    .select(["id", "display_name as displayName", "email", "kind", "manager_role as managerRole"])
    .where("id", "=", id)
    .where("organization_id", "=", organizationId)
    .executeTakeFirst();
  return person ? { ...person, unit: null, connection: null } : null;
}

/** For a member: the people they may message or already talk with, name and kind (and unit, see above). */
export async function reachablePeople(
  db: Kysely<Database>,
  scope: PolicyScope,
  viewerId: string,
  search: string,
): Promise<DirectoryPerson[]> {
  const { contacts } = await searchContacts(db, scope, viewerId, search);
  return contacts.map((contact) => ({
    id: contact.id,
    displayName: contact.name,
    email: null,
    unit: contact.homes,
    kind: contact.kind,
    managerRole: contact.managerRole,
    connection: null,
  }));
}

export async function reachablePerson(
  db: Kysely<Database>,
  scope: PolicyScope,
  viewerId: string,
  id: string,
): Promise<DirectoryPerson | null> {
  const named = await db
    .selectFrom("users")
    .select("display_name")
    .where("id", "=", id)
    .where("organization_id", "=", scope.org.id)
    .executeTakeFirst();
  if (!named) return null;
  const people = await reachablePeople(db, scope, viewerId, named.display_name);
  return people.find((person) => person.id === id) ?? null;
}
