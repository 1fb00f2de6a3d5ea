/**
 * Leases and the people on them. A lease is active on `today` when it has started and not ended;
 * that one condition lives here.
 */
import type { Database, Kysely } from "@hearth/db";

/** The residents with an active lease on the unit; null when the unit is not the organization's. */
export async function residentsWithActiveLease(
  db: Kysely<Database>,
  organizationId: string,
  unitId: string,
  today: string,
): Promise<string[] | null> {
  const rows = await db
    .selectFrom("units as u")
    .leftJoin("resident_leases as rl", (join) =>
      join.onRef("rl.unit_id", "=", "u.id").on("rl.starts_on", "<=", today),
    )
    .select(["u.id as unitId", "rl.user_id as userId", "rl.ends_on as endsOn"])
    .where("u.id", "=", unitId)
    .where("u.organization_id", "=", organizationId)
    .execute();
  if (rows.length === 0) return null;
  const active = rows.filter(
    (row) => row.userId !== null && (row.endsOn === null || row.endsOn >= today),
  );
  return [...new Set(active.map((row) => row.userId as string))];
}
