/**
 * What an engine's hits lack for display, read fresh from the database in one statement: the
 * conversation's title as the viewer's inbox shows it and the sender's current name (an index
 * keeps the name a message was indexed with; a renamed person shows as they are called now).
 */
import type { Database, Kysely } from "@hearth/db";
import { sql } from "@hearth/db";
import type { SearchHit } from "@hearth/search";

const NAMES_IN_TITLE = 4;

export interface DescribedHit extends SearchHit {
  conversationTitle: string;
}

export async function describeHits(
  db: Kysely<Database>,
  viewerId: string,
  hits: SearchHit[],
): Promise<DescribedHit[]> {
  if (hits.length === 0) return [];
  const conversationIds = [...new Set(hits.map((hit) => hit.conversationId))];
  const senderIds = [...new Set(hits.flatMap((hit) => (hit.senderId ? [hit.senderId] : [])))];
  const { rows } = await sql<{ what: "conversation" | "sender"; id: string; name: string | null }>`
    select 'conversation' as what, c.id, coalesce(c.title, (
      select string_agg(o.display_name, ', ' order by o.display_name)
      from (
        select u.display_name from conversation_participants p
        join users u on u.id = p.user_id
        where p.conversation_id = c.id and p.user_id <> ${viewerId}
        order by u.display_name limit ${NAMES_IN_TITLE}) o)) as name
    from conversations c where c.id = any(${conversationIds}::uuid[])
    union all
    select 'sender', u.id, u.display_name from users u where u.id = any(${senderIds}::uuid[])
  `.execute(db);
  const titles = new Map<string, string | null>();
  const names = new Map<string, string | null>();
  for (const row of rows) (row.what === "conversation" ? titles : names).set(row.id, row.name);
  return hits.map((hit) => ({
    ...hit,
    senderName: hit.senderId ? (names.get(hit.senderId) ?? hit.senderName) : hit.senderName,
    conversationTitle: titles.get(hit.conversationId) ?? "Conversation",
  }));
}
