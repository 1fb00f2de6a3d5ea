import {
  bestLeaseStatus,
  type Database,
  isoDay,
  type Kysely,
  type LeaseStatus,
  leaseStatus,
} from "@hearth/db";
import type { Actor, ConversationFacts, OrganizationFacts } from "@hearth/policies";

/** Whose facts to load: these people, or everyone taking part in a conversation. */
type PartySelection = { userIds: readonly string[] } | { conversationId: string };

/**
 * What policies decide on, for people of one organization, one row per lease: kind and role,
 * connection, lease dates and coworking member status, with each person's display name.
 * Callers join what else they need (the organization, a conversation) and aggregate with
 * `peopleFromRows`.
 */
export function peopleQuery(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom("users")
    .leftJoin("connections", (join) =>
      join
        .onRef("connections.user_id", "=", "users.id")
        .onRef("connections.organization_id", "=", "users.organization_id"),
    )
    .leftJoin("resident_leases", "resident_leases.user_id", "users.id")
    .select([
      "users.id",
      "users.display_name",
      "users.kind",
      "users.manager_role",
      "users.permissions",
      "users.member_status",
      "connections.status as connection",
      "resident_leases.starts_on",
      "resident_leases.ends_on",
    ])
    .where("users.organization_id", "=", organizationId);
}

type PersonRow = Awaited<ReturnType<ReturnType<typeof peopleQuery>["execute"]>>[number];

/**
 * People from `peopleQuery` rows: the account owner counts as connected, and the lease status is
 * the best of their leases on `today`.
 */
export function peopleFromRows(
  rows: readonly PersonRow[],
  today: string,
): Map<string, { party: Actor; name: string }> {
  const leases = new Map<string, LeaseStatus[]>();
  const people = new Map<string, { party: Actor; name: string }>();
  for (const row of rows) {
    const statuses = leases.get(row.id) ?? [];
    if (row.starts_on)
      statuses.push(leaseStatus({ starts_on: row.starts_on, ends_on: row.ends_on }, today));
    leases.set(row.id, statuses);
    people.set(row.id, {
      name: row.display_name,
      party: {
        userId: row.id,
        kind: row.kind,
        managerRole: row.manager_role,
        permissions: row.permissions,
        connection: row.manager_role === "account_owner" ? "connected" : (row.connection ?? "none"),
        leaseStatus: "none",
        memberStatus: row.member_status,
      },
    });
  }
  for (const person of people.values())
    person.party = {
      ...person.party,
      leaseStatus: bestLeaseStatus(leases.get(person.party.userId) ?? []),
    };
  return people;
}

/** Loads people's policy facts with their names; unknown ids and other organizations' are absent. */
async function loadPeople(
  db: Kysely<Database>,
  organizationId: string,
  selection: PartySelection,
  now: Date,
  timeZone: string,
): Promise<Map<string, { party: Actor; name: string }>> {
  if ("userIds" in selection && selection.userIds.length === 0) return new Map();
  const rows = await peopleQuery(db, organizationId)
    .where((eb) =>
      "userIds" in selection
        ? eb("users.id", "in", [...selection.userIds])
        : eb(
            "users.id",
            "in",
            eb
              .selectFrom("conversation_participants")
              .select("user_id")
              .where("conversation_id", "=", selection.conversationId),
          ),
    )
    .execute();
  return peopleFromRows(rows, isoDay(now, timeZone));
}

/** The policy facts of these people (see `loadPeople`). */
export async function loadParties(
  db: Kysely<Database>,
  organizationId: string,
  userIds: readonly string[],
  now: Date,
  timeZone: string,
): Promise<Map<string, Actor>> {
  const people = await loadPeople(db, organizationId, { userIds }, now, timeZone);
  return new Map([...people].map(([id, person]) => [id, person.party]));
}

/** These people's facts with their display names (for @-mentions). */
export async function loadNamedParties(
  db: Kysely<Database>,
  organizationId: string,
  userIds: readonly string[],
  now: Date,
  timeZone: string,
): Promise<Map<string, { party: Actor; name: string }>> {
  return loadPeople(db, organizationId, { userIds }, now, timeZone);
}

/**
 * The facts of one conversation, with its participants as parties and their names; null when
 * not in this organization.
 */
export async function loadConversationFacts(
  db: Kysely<Database>,
  organizationId: string,
  conversationId: string,
  now: Date,
  timeZone: string,
): Promise<
  | (Omit<ConversationFacts, "participants"> & {
      participants: readonly Actor[];
      names: Map<string, string>;
    })
  | null
> {
  const [conversation, people] = await Promise.all([
    db
      .selectFrom("conversations")
      .leftJoin("users as creator", "creator.id", "conversations.created_by")
      .select((eb) => [
        "conversations.kind",
        "conversations.no_reply",
        "creator.kind as creatorKind",
        eb
          .exists(
            eb
              .selectFrom("messages")
              .select("messages.id")
              .whereRef("messages.conversation_id", "=", "conversations.id")
              .where("messages.copy_to_email", "=", true),
          )
          .as("emailed"),
      ])
      .where("conversations.id", "=", conversationId)
      .where("conversations.organization_id", "=", organizationId)
      .executeTakeFirst(),
    loadPeople(db, organizationId, { conversationId }, now, timeZone),
  ]);
  if (!conversation) return null;
  return {
    kind: conversation.kind,
    noReply: conversation.no_reply,
    emailed: Boolean(conversation.emailed),
    createdByKind: conversation.kind === "maintenance" ? null : conversation.creatorKind,
    participants: [...people.values()].map((p) => p.party),
    names: new Map([...people].map(([id, p]) => [id, p.name])),
  };
}

export function organizationFacts(org: { mode: OrganizationFacts["mode"] }): OrganizationFacts {
  return { mode: org.mode };
}
