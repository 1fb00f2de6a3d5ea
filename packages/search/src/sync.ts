/** The indexing job's one step: make the index agree with the database for some messages. */
import type { Database } from "@hearth/db/types";
import type { Kysely } from "kysely";
import { loadMessageDocuments } from "./document";
import type { SearchEngine } from "./port";

/**
 * Re-reads these messages and indexes the readable ones; the rest (deleted, still scheduled,
 * gone) are removed. Safe to repeat. After a participant joins or leaves a conversation, pass
 * all of its message ids, since who may read each one changed.
 */
export async function syncMessages(
  db: Kysely<Database>,
  engine: SearchEngine,
  messageIds: number[],
): Promise<{ indexed: number; removed: number }> {
  const docs = await loadMessageDocuments(db, messageIds);
  const kept = new Set(docs.map((doc) => doc.messageId));
  const gone = [...new Set(messageIds)].filter((id) => !kept.has(id));
  if (docs.length > 0) await engine.index(docs);
  if (gone.length > 0) await engine.remove(gone);
  return { indexed: docs.length, removed: gone.length };
}
