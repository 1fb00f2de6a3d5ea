import { type Database, type Kysely, sql } from "@hearth/db";
import type { Party } from "@hearth/policies";
import { loadParties } from "../policy/facts";
import type { PolicyScope } from "../policy/gateway";
import { unitsInSharedProperties } from "./neighbour-units";
import { conversationPartners } from "./reachable";

/**
 * What a member sees of the people found: never a lease status; a home only where the policy says
 * the profile needs it (a neighbour's unit in a shared building, where members message each other).
 */
async function memberView<T extends { id: string; leaseStatus: string; homes: string | null }>(
  db: Kysely<Database>,
  scope: PolicyScope,
  viewerId: string,
  people: readonly T[],
  parties: ReadonlyMap<string, Party>,
) {
  const units = await unitsInSharedProperties(
    db,
    scope,
    viewerId,
    people.map((person) => person.id),
  );
  return people.map(({ leaseStatus: _private, homes: _all, ...person }) => {
    const member = parties.get(person.id);
    const unit = units.get(person.id);
    const shown =
      member &&
      scope.policy.seeMemberUnit({ actor: scope.actor, member, sharesProperty: unit !== undefined })
        .allowed;
    return { ...person, leaseStatus: null, homes: shown ? (unit ?? null) : null };
  });
}

/**
 * People (and units, for managers) the viewer might start a conversation with, each with the
 * policy's decision, so the UI can show a refused one disabled with its reason. Managers search
 * their organization by name, unit or property and see everyone with their home and lease status.
 * Anyone else sees only the people they may message or already talk with, searched by name, with
 * no lease status and no home beyond what `memberView` allows (seed 000: "Respect resident
 * privacy").
 */
export async function searchContacts(
  db: Kysely<Database>,
  scope: PolicyScope,
  viewerId: string,
  search: string,
) {
  const term = `%${search.replace(/[\\%_]/g, "\\$&")}%`;
  const manager = scope.actor.kind === "manager";
  const people = await db
    .selectFrom("users as u")
    .leftJoin("resident_leases as rl", "rl.user_id", "u.id")
    .select([
      "u.id",
      "u.display_name as name",
      "u.kind",
      "u.manager_role as managerRole",
      sql<string | null>`string_agg(distinct rl.property_name || ' · ' || rl.unit_name, ', ')`.as(
        "homes",
      ),
    ])
    .where("u.organization_id", "=", scope.org.id)
    .where("u.id", "!=", viewerId)
    .where((eb) =>
      manager
        ? eb.or([
            eb("u.display_name", "ilike", term),
            eb("rl.unit_name", "ilike", term),
            eb("rl.property_name", "ilike", term),
          ])
        : eb("u.display_name", "ilike", term),
    )
    .groupBy(["u.id", "u.display_name", "u.kind", "u.manager_role"])
    .orderBy("u.display_name")
    // Members' results are filtered below; take enough that 25 remain.
    .limit(manager ? 25 : 500)
    .execute();
  const parties = await loadParties(
    db,
    scope.org.id,
    people.map((p) => p.id),
    scope.now,
    scope.org.timezone,
  );
  const partners = manager ? null : await conversationPartners(db, scope.org.id, viewerId);
  const decided = people.map((person) => {
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
  const contacts = partners
    ? await memberView(
        db,
        scope,
        viewerId,
        decided.filter((person) => person.decision.allowed || partners.has(person.id)).slice(0, 25),
        parties,
      )
    : decided;
  // Whole units are offered only where the profile has unit chats (seed 004).
  const units =
    scope.actor.kind === "manager" && scope.policy.knobs.unitGroupChats
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
