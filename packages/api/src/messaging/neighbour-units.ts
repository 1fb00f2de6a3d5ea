import { type Database, isoDay, type Kysely, leaseStatus } from "@hearth/db";
import type { PolicyScope } from "../policy/gateway";

/**
 * For each of `personIds` who has an active lease at a property where the viewer has one too:
 * their unit(s) there, by name. The fact `seeMemberUnit` decides on, and the unit it would show.
 */
export async function unitsInSharedProperties(
  db: Kysely<Database>,
  scope: PolicyScope,
  viewerId: string,
  personIds: readonly string[],
): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("resident_leases")
    .select(["user_id", "property_id", "unit_name", "starts_on", "ends_on"])
    .where("organization_id", "=", scope.org.id)
    .where("user_id", "in", [viewerId, ...personIds])
    .execute();
  const today = isoDay(scope.now, scope.org.timezone);
  const active = rows.filter((row) => leaseStatus(row, today) === "active");
  const viewerProperties = new Set(
    active.filter((row) => row.user_id === viewerId).map((row) => row.property_id),
  );
  const units = new Map<string, string[]>();
  for (const row of active) {
    if (row.user_id === viewerId || !viewerProperties.has(row.property_id)) continue;
    const list = units.get(row.user_id) ?? [];
    if (!list.includes(row.unit_name)) list.push(row.unit_name);
    units.set(row.user_id, list);
  }
  return new Map([...units].map(([id, names]) => [id, names.sort().join(", ")]));
}
