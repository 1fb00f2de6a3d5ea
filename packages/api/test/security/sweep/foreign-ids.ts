import { sql } from "@hearth/db";
import type { Harness } from "../../harness";

/** One id of each kind of row an input can name, from one organization. */
export async function idsOf(h: Harness, slug: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with org as (select id from organizations where slug = ${slug})
    select id::text from org
    union all (select id::text from users where organization_id = (select id from org) order by email limit 3)
    union all (select id::text from conversations where organization_id = (select id from org) limit 3)
    union all (select id::text from properties where organization_id = (select id from org) limit 1)
    union all (select id::text from units where organization_id = (select id from org) limit 1)
    union all (select id::text from board_posts where organization_id = (select id from org) limit 1)
    union all (select id::text from board_comments where organization_id = (select id from org) limit 1)
    union all (select id::text from maintenance_requests where organization_id = (select id from org) limit 1)
  `.execute(h.t.db);
  return rows.map((row) => row.id);
}

/** What only that organization's data contains: its name and its people's email domain. */
export async function markersOf(h: Harness, slug: string): Promise<string[]> {
  const org = await h.t.db
    .selectFrom("organizations")
    .select("name")
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  return [org.name, `@${slug}.demo`];
}
