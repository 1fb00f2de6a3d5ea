import { sql } from "@hearth/db";

/**
 * Where answers to the organization's email go (seed 003 "the General inbox configured for the
 * space"): its notification reply-to address, else its account owner's. `organization` is the
 * alias the query gives the organizations table.
 */
export function organizationReplyTo(organization: string) {
  return sql<string | null>`coalesce(${sql.ref(`${organization}.notification_reply_to`)},
    (select owner.email from users owner
      where owner.organization_id = ${sql.ref(`${organization}.id`)}
        and owner.manager_role = 'account_owner'
      order by owner.created_at limit 1))`;
}
