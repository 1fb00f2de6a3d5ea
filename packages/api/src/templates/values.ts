import { type Database, type Kysely, sql } from "@hearth/db";
import type { TemplateValues } from "./variables";

/** "Riley", "Riley and Sam", "Riley, Sam and Jo". */
function listed(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function dateIn(date: Date, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, ...options }).format(date);
}

/**
 * What a template's variables mean in one conversation, for the manager writing there: its
 * residents (everyone but the team), their unit and property (the conversation's unit, else the
 * residents' current lease), the writer, the organization, and dates in its time zone.
 */
export async function templateValues(
  db: Kysely<Database>,
  at: { organizationId: string; conversationId: string; writerId: string; now: Date },
): Promise<TemplateValues> {
  const { rows } = await sql<{
    organization: string;
    timezone: string;
    writer: string;
    residents: string[] | null;
    unit: string | null;
    property: string | null;
  }>`
    select o.name as organization, o.timezone, w.display_name as writer,
      (select array_agg(u.display_name order by u.display_name)
        from conversation_participants p join users u on u.id = p.user_id
        where p.conversation_id = c.id and u.kind <> 'manager' and u.kind <> 'operator') as residents,
      coalesce(cu.name, lu.name) as unit,
      coalesce(cp.name, lp.name) as property
    from conversations c
    join organizations o on o.id = c.organization_id
    join users w on w.id = ${at.writerId} and w.organization_id = o.id
    left join units cu on cu.id = c.unit_id
    left join properties cp on cp.id = cu.property_id
    left join lateral (
      select l.unit_id from conversation_participants p
      join lease_residents lr on lr.user_id = p.user_id
      join leases l on l.id = lr.lease_id
      where p.conversation_id = c.id
      order by (l.ends_on is null or l.ends_on >= current_date) desc, l.starts_on desc
      limit 1
    ) lease on true
    left join units lu on lu.id = lease.unit_id
    left join properties lp on lp.id = lu.property_id
    where c.id = ${at.conversationId} and c.organization_id = ${at.organizationId}`.execute(db);
  const row = rows[0];
  const timeZone = row?.timezone ?? "UTC";
  const residents = row?.residents ?? [];
  const tomorrow = new Date(at.now.getTime() + 86_400_000);
  const long: Intl.DateTimeFormatOptions = { month: "long", day: "numeric", year: "numeric" };
  return {
    "resident.first_name": listed(residents.map((name) => name.split(/\s+/)[0] ?? name)),
    "resident.name": listed(residents),
    unit: row?.unit ?? "",
    property: row?.property ?? "",
    "manager.name": row?.writer ?? "",
    organization: row?.organization ?? "",
    today: dateIn(at.now, timeZone, long),
    tomorrow: dateIn(tomorrow, timeZone, long),
    month: dateIn(at.now, timeZone, { month: "long" }),
  };
}
