import { type Kysely, sql } from "kysely";

/**
 * Who lives where, under which lease: the one join from a person to their leases, units and
 * properties, written once. Lease status still derives from the dates (see lease-status.ts).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create view resident_leases as
    select lr.user_id, lr.organization_id, l.id as lease_id, l.unit_id, un.name as unit_name,
      un.property_id, p.name as property_name, l.starts_on, l.ends_on
    from lease_residents lr
    join leases l on l.id = lr.lease_id and l.organization_id = lr.organization_id
    join units un on un.id = l.unit_id
    join properties p on p.id = un.property_id;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop view if exists resident_leases;`.execute(db);
}
