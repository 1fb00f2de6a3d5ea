/** One in-memory index and the document operations its tasks apply. */
import type { Document } from "./document-values";
import { type MeiliErrorBody, taskError } from "./errors";
import { defaultSettings, type IndexSettings } from "./settings";

export interface IndexState {
  uid: string;
  primaryKey: string | null;
  createdAt: string;
  updatedAt: string;
  settings: IndexSettings;
  /** By document id, in insertion order (the emulator's tie-break). */
  documents: Map<string, Document>;
}

export function newIndex(uid: string, primaryKey: string | null): IndexState {
  const now = new Date().toISOString();
  return {
    uid,
    primaryKey,
    createdAt: now,
    updatedAt: now,
    settings: defaultSettings(),
    documents: new Map(),
  };
}

function inferPrimaryKey(doc: Document): string | MeiliErrorBody {
  const candidates = Object.keys(doc).filter((key) => key.toLowerCase().endsWith("id"));
  if (candidates.length === 1) return candidates[0] as string;
  if (candidates.length === 0) {
    return taskError(
      "index_primary_key_no_candidate_found",
      "The primary key inference failed as the engine did not find any field ending with `id` in its name. Please specify the primary key manually using the `primaryKey` query parameter.",
    );
  }
  return taskError(
    "index_primary_key_multiple_candidates_found",
    `The primary key inference failed as the engine found ${candidates.length} fields ending with \`id\` in their names: '${candidates.join("' and '")}'. Please specify the primary key manually using the \`primaryKey\` query parameter.`,
  );
}

function documentId(doc: Document, primaryKey: string): string | MeiliErrorBody {
  const id = doc[primaryKey];
  if (id === undefined) {
    return taskError(
      "missing_document_id",
      `Document doesn't have a \`${primaryKey}\` attribute: \`${JSON.stringify(doc)}\`.`,
    );
  }
  const valid =
    (typeof id === "number" && Number.isInteger(id)) ||
    (typeof id === "string" && /^[A-Za-z0-9_-]{1,511}$/.test(id));
  if (!valid) {
    return taskError(
      "invalid_document_id",
      `Document identifier \`${JSON.stringify(id)}\` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.`,
    );
  }
  return String(id);
}

/** Adds or replaces documents, all or none; an error body when the batch is refused. */
export function replaceDocuments(
  index: IndexState,
  docs: Document[],
  primaryKey: string | null,
): MeiliErrorBody | null {
  if (index.primaryKey === null) {
    const first = docs[0];
    const key = primaryKey ?? (first ? inferPrimaryKey(first) : null);
    if (typeof key === "object" && key !== null) return key;
    index.primaryKey = key;
  } else if (primaryKey !== null && primaryKey !== index.primaryKey) {
    return taskError(
      "index_primary_key_already_exists",
      `Index already has a primary key: \`${index.primaryKey}\`.`,
    );
  }
  const key = index.primaryKey;
  if (key === null) return null;
  const staged: [string, Document][] = [];
  for (const doc of docs) {
    const id = documentId(doc, key);
    if (typeof id !== "string") return id;
    staged.push([id, doc]);
  }
  for (const [id, doc] of staged) {
    index.documents.delete(id);
    index.documents.set(id, doc);
  }
  index.updatedAt = new Date().toISOString();
  return null;
}

export function deleteDocuments(index: IndexState, ids: unknown[]): number {
  let deleted = 0;
  for (const id of ids) if (index.documents.delete(String(id))) deleted++;
  index.updatedAt = new Date().toISOString();
  return deleted;
}
