/**
 * The default engine: searches the live tables, so there is nothing to index and nothing to
 * fall behind. Readability is decided by the same join every time: the viewer's participant row.
 */
import type { ConversationKind, Database, MessageType, Priority } from "@hearth/db/types";
import { type Kysely, type SqlBool, sql } from "kysely";
import { encodeCursor } from "./cursor";
import { type Excerpt, excerptAround, excerptOfMarked } from "./excerpt";
import type { SearchEngine, SearchHit, SearchQuery, SearchResult } from "./port";
import { headline, highlightWords, matchesText } from "./postgres-text";
import { type CheckedQuery, checkQuery } from "./query";
import { createSelectivityEstimator } from "./selectivity";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids Postgres would refuse as uuids can match nothing; answering "no hits" beats an error. */
function idsAreUuids(query: CheckedQuery): boolean {
  const ids = [
    query.organizationId,
    query.viewerId,
    query.senderId,
    query.personId,
    query.conversationId,
    query.propertyId,
    query.unitId,
  ];
  return ids.every((id) => id === undefined || UUID.test(id));
}

/**
 * The ids of the organization's visible messages matching `text`, from the full-text index. As
 * `= any(array(...))` it is an init plan: computed once, first, whatever the planner thinks of
 * the rest, so a rare word is always looked up rather than searched for newest first.
 */
function lookedUp(db: Kysely<Database>, organizationId: string, text: string) {
  const ids = db
    .selectFrom("messages as found")
    .select("found.id")
    .where("found.organization_id", "=", organizationId)
    .where("found.deleted_at", "is", null)
    .where("found.sent_at", "is not", null)
    .where(matchesText(sql.ref("found.search_vector"), text));
  return sql<SqlBool>`m.id = any(array(${ids}))`;
}

function readableMessages(db: Kysely<Database>, query: CheckedQuery, lookup: boolean) {
  const { organizationId, viewerId, text, from, to, senderId, propertyId, unitId, type, after } =
    query;
  const { personId, conversationId, kind, priority } = query;
  let qb = db
    .selectFrom("messages as m")
    .innerJoin("conversation_participants as cp", (join) =>
      join
        .onRef("cp.conversation_id", "=", "m.conversation_id")
        .on("cp.user_id", "=", viewerId)
        .on("cp.organization_id", "=", organizationId),
    )
    .innerJoin("conversations as c", (join) =>
      join
        .onRef("c.id", "=", "m.conversation_id")
        .onRef("c.organization_id", "=", "m.organization_id"),
    )
    // A conversation is about a unit directly (unit group) or through its maintenance request;
    // loadMessageDocuments derives property and unit the same way.
    .leftJoin("units as un", "un.id", "c.unit_id")
    .leftJoin("maintenance_requests as mr", "mr.id", "c.maintenance_request_id")
    .leftJoin("users as u", "u.id", "m.sender_id")
    .where("m.organization_id", "=", organizationId)
    .where("m.deleted_at", "is", null)
    .where("m.sent_at", "is not", null);
  if (text !== undefined) {
    qb = qb.where(
      lookup ? lookedUp(db, organizationId, text) : matchesText(sql.ref("m.search_vector"), text),
    );
  }
  if (from !== undefined) qb = qb.where("m.created_at", ">=", from);
  if (to !== undefined) qb = qb.where("m.created_at", "<", to);
  if (senderId !== undefined) qb = qb.where("m.sender_id", "=", senderId);
  if (type !== undefined) qb = qb.where("m.type", "=", type);
  if (priority !== undefined) qb = qb.where("m.priority", "=", priority);
  if (kind !== undefined) qb = qb.where("c.kind", "=", kind);
  if (conversationId !== undefined) qb = qb.where("m.conversation_id", "=", conversationId);
  if (personId !== undefined) {
    qb = qb.where((eb) =>
      eb.or([
        eb("m.sender_id", "=", personId),
        eb.exists(
          eb
            .selectFrom("conversation_participants as person")
            .whereRef("person.conversation_id", "=", "m.conversation_id")
            .where("person.user_id", "=", personId)
            .select(sql.lit(1).as("one")),
        ),
      ]),
    );
  }
  if (unitId !== undefined) qb = qb.where(sql`coalesce(c.unit_id, mr.unit_id)`, "=", unitId);
  if (propertyId !== undefined) {
    qb = qb.where(sql`coalesce(un.property_id, mr.property_id)`, "=", propertyId);
  }
  if (after !== undefined) {
    qb = qb.where(sql<boolean>`(m.created_at, m.id) < (${after.at}::timestamptz, ${after.id})`);
  }
  return qb
    .select([
      "m.id",
      "m.conversation_id",
      "m.sender_id",
      "u.display_name as sender_name",
      "m.body",
      "m.file_names",
      "m.type",
      "m.priority",
      "c.kind as conversation_kind",
      "m.created_at",
      // Microseconds, so the keyset position is exact (a Date keeps only milliseconds).
      sql<string>`to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        "cursor_at",
      ),
    ])
    .orderBy("m.created_at", "desc")
    .orderBy("m.id", "desc")
    .limit(query.limit + 1);
}

interface Row {
  id: number;
  conversation_id: string;
  sender_id: string | null;
  sender_name: string | null;
  body: string;
  file_names: string | null;
  type: MessageType;
  priority: Priority;
  conversation_kind: ConversationKind;
  created_at: Date;
  cursor_at: string;
  marked: string | null;
}

function toHit(row: Row, words: string[]): SearchHit {
  let excerpt: Excerpt | null = row.marked === null ? null : excerptOfMarked(row.marked);
  // Substring-only matches ("hall" in "hallway") are not highlighted by ts_headline.
  if (excerpt === null || excerpt.highlights.length === 0) excerpt = excerptAround(row.body, words);
  // Found by a file's name only: the names are the excerpt, so the hit shows why it matched.
  if (excerpt.highlights.length === 0 && row.file_names) {
    const inFiles = excerptAround(row.file_names, words);
    if (inFiles.highlights.length > 0) excerpt = inFiles;
  }
  return {
    messageId: Number(row.id),
    conversationId: row.conversation_id,
    senderId: row.sender_id,
    senderName: row.sender_name,
    excerpt: excerpt.excerpt,
    highlights: excerpt.highlights,
    type: row.type,
    priority: row.priority,
    conversationKind: row.conversation_kind,
    createdAt: row.created_at,
  };
}

/** The Postgres engine (full-text search); `index` and `remove` have nothing to do. */
export function createPostgresSearch(db: Kysely<Database>): SearchEngine {
  const selectivity = createSelectivityEstimator(db);
  return {
    kind: "postgres",
    async prepare() {},
    async index() {},
    async remove() {},
    async search(raw: SearchQuery): Promise<SearchResult> {
      const query = checkQuery(raw);
      if (!idsAreUuids(query)) return { hits: [], nextCursor: null, facets: null };
      const text = query.text;
      const lookup = text !== undefined && (await selectivity.isSelective(text));
      // The headline runs on the page only, not on every candidate row.
      const rows: Row[] = await db
        .selectFrom(readableMessages(db, query, lookup).as("hit"))
        .selectAll("hit")
        .select(
          text === undefined
            ? sql<string | null>`null::text`.as("marked")
            : headline(sql.ref("hit.body"), text).as("marked"),
        )
        .orderBy("hit.created_at", "desc")
        .orderBy("hit.id", "desc")
        .execute();
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      const words = text === undefined ? [] : highlightWords(text);
      return {
        hits: page.map((row) => toHit(row, words)),
        nextCursor:
          rows.length > query.limit && last
            ? encodeCursor({ at: last.cursor_at, id: Number(last.id) })
            : null,
        // Counting every match would cost more than the page itself at a million messages.
        facets: null,
      };
    },
  };
}
