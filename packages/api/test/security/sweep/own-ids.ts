import { sql } from "@hearth/db";
import type { Harness } from "../../harness";
import type { SampleIds } from "./sample-input";

/**
 * Real ids of the caller's own organization, so that a sample input reaches past "not found"
 * into the code that uses the other fields: the caller's own conversation and latest message, a
 * board post and comment, a person, a unit, a property, a maintenance request.
 */
export async function ownIds(
  h: Harness,
  slug: string,
  email: string | null,
): Promise<(path: string) => SampleIds> {
  const { rows } = await sql<Record<string, string | null>>`
    with org as (select id from organizations where slug = ${slug}),
    viewer as (select id from users where email = ${email ?? ""}),
    conversation as (
      select p.conversation_id as id from conversation_participants p
      where p.user_id = (select id from viewer)
      union all select id from conversations where organization_id = (select id from org)
      limit 1)
    select
      (select id::text from org) as organization,
      (select id::text from conversation) as conversation,
      (select max(id)::text from messages where conversation_id = (select id from conversation)) as message,
      (select id::text from users where organization_id = (select id from org) and email like 'resident@%') as person,
      (select id::text from units where organization_id = (select id from org) limit 1) as unit,
      (select id::text from properties where organization_id = (select id from org) limit 1) as property,
      (select id::text from board_posts where organization_id = (select id from org) limit 1) as post,
      (select id::text from board_comments where organization_id = (select id from org) limit 1) as comment,
      (select id::text from maintenance_requests where organization_id = (select id from org) limit 1) as request
  `.execute(h.t.db);
  const row = rows[0] ?? {};
  const fallback = "00000000-0000-4000-8000-000000000000";
  const pick = (key: string) => row[key] ?? fallback;
  return (path) => ({
    uuid(field) {
      if (field === "id") {
        if (path.startsWith("board.")) return pick("post");
        if (path.startsWith("operator.")) return pick("organization");
        if (path.startsWith("directory.")) return pick("person");
        return pick("conversation");
      }
      const byField: Record<string, string> = {
        conversationId: "conversation",
        postId: "post",
        commentId: "comment",
        commentIds: "comment",
        unitId: "unit",
        propertyId: "property",
        propertyIds: "property",
        organizationId: "organization",
        requestId: "request",
      };
      return pick(byField[field] ?? "person");
    },
    number(field) {
      if (["messageId", "upToMessageId", "cursor", "before", "around"].includes(field))
        return row.message ? Number(row.message) : null;
      if (field === "settingsVersion") return 1;
      return null;
    },
  });
}
