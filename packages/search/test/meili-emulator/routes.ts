/** The HTTP routes the emulator serves, each as Meilisearch answers it. */
import type { Document } from "./document-values";
import { MeiliHttpError, taskError } from "./errors";
import { deleteDocuments, type IndexState, newIndex, replaceDocuments } from "./index-state";
import { search } from "./search";
import { applySettings, checkSettingsPayload } from "./settings";
import type { TaskQueue } from "./tasks";

export interface Reply {
  status: number;
  body: unknown;
}

export interface EmulatorState {
  indexes: Map<string, IndexState>;
  tasks: TaskQueue;
}

const INDEX_UID = /^[A-Za-z0-9_-]{1,400}$/;

function indexNotFound(uid: string) {
  return taskError("index_not_found", `Index \`${uid}\` not found.`);
}

function requireIndex(state: EmulatorState, uid: string): IndexState {
  const index = state.indexes.get(uid);
  if (!index) throw new MeiliHttpError(404, "index_not_found", `Index \`${uid}\` not found.`);
  return index;
}

function indexView(index: IndexState) {
  return {
    uid: index.uid,
    primaryKey: index.primaryKey,
    createdAt: index.createdAt,
    updatedAt: index.updatedAt,
  };
}

function ensureIndex(state: EmulatorState, uid: string): IndexState {
  let index = state.indexes.get(uid);
  if (!index) {
    index = newIndex(uid, null);
    state.indexes.set(uid, index);
  }
  return index;
}

function createIndex(state: EmulatorState, body: unknown): Reply {
  const { uid, primaryKey } = (body ?? {}) as { uid?: unknown; primaryKey?: unknown };
  if (typeof uid !== "string" || !INDEX_UID.test(uid)) {
    throw new MeiliHttpError(
      400,
      "invalid_index_uid",
      `\`${String(uid)}\` is not a valid index uid. Index uid can be an integer or a string containing only alphanumeric characters, hyphens (-) and underscores (_), and can not be more than 400 bytes.`,
    );
  }
  const key = typeof primaryKey === "string" ? primaryKey : null;
  const enqueued = state.tasks.enqueue("indexCreation", uid, { primaryKey: key }, () => {
    if (state.indexes.has(uid))
      return taskError("index_already_exists", `Index \`${uid}\` already exists.`);
    state.indexes.set(uid, newIndex(uid, key));
    return null;
  });
  return { status: 202, body: enqueued };
}

function documentsOf(body: unknown): Document[] {
  if (
    Array.isArray(body) &&
    body.every((d) => d !== null && typeof d === "object" && !Array.isArray(d))
  ) {
    return body as Document[];
  }
  if (body !== null && typeof body === "object" && !Array.isArray(body)) return [body as Document];
  throw new MeiliHttpError(
    400,
    "malformed_payload",
    "The `json` payload provided is malformed. `Couldn't serialize document value: expected an object or an array of objects`.",
  );
}

/** Answers one request; throws MeiliHttpError for synchronous errors. */
export function route(state: EmulatorState, method: string, url: URL, body: unknown): Reply {
  const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const [root, uid = "", sub, subId] = parts;
  if (root === "health" && method === "GET") return { status: 200, body: { status: "available" } };
  if (root === "tasks" && method === "GET" && parts.length === 2) {
    const task = state.tasks.get(Number(uid));
    if (!/^\d+$/.test(uid) || !task)
      throw new MeiliHttpError(404, "task_not_found", `Task \`${uid}\` not found.`);
    return { status: 200, body: task };
  }
  if (root !== "indexes")
    throw new MeiliHttpError(
      404,
      "not_found",
      `\`${url.pathname}\` is not a route of the emulator.`,
    );
  if (parts.length === 1 && method === "POST") return createIndex(state, body);
  if (parts.length === 2 && method === "GET")
    return { status: 200, body: indexView(requireIndex(state, uid)) };
  if (parts.length === 2 && method === "DELETE") {
    return {
      status: 202,
      body: state.tasks.enqueue("indexDeletion", uid, {}, () =>
        state.indexes.delete(uid) ? null : indexNotFound(uid),
      ),
    };
  }
  if (sub === "settings" && parts.length === 3) {
    if (method === "GET") {
      const { other, ...settings } = requireIndex(state, uid).settings;
      return { status: 200, body: { ...settings, ...other } };
    }
    if (method === "PATCH") {
      const update = checkSettingsPayload(body);
      return {
        status: 202,
        body: state.tasks.enqueue("settingsUpdate", uid, update, () => {
          const index = ensureIndex(state, uid);
          const next = applySettings(index.settings, update);
          if ("code" in next) return next;
          index.settings = next;
          return null;
        }),
      };
    }
  }
  if (sub === "documents" && method === "POST" && parts.length === 3) {
    const docs = documentsOf(body);
    const primaryKey = url.searchParams.get("primaryKey");
    return {
      status: 202,
      body: state.tasks.enqueue(
        "documentAdditionOrUpdate",
        uid,
        { receivedDocuments: docs.length, indexedDocuments: null },
        () => {
          const error = replaceDocuments(ensureIndex(state, uid), docs, primaryKey);
          return error ?? { details: { indexedDocuments: docs.length } };
        },
      ),
    };
  }
  if (sub === "documents" && subId === "delete-batch" && method === "POST") {
    if (!Array.isArray(body))
      throw new MeiliHttpError(
        400,
        "bad_request",
        "Invalid value type: expected an array of document ids.",
      );
    const ids: unknown[] = body;
    return {
      status: 202,
      body: state.tasks.enqueue(
        "documentDeletion",
        uid,
        { providedIds: ids.length, deletedDocuments: null },
        () => {
          const index = state.indexes.get(uid);
          if (!index) return indexNotFound(uid);
          return { details: { deletedDocuments: deleteDocuments(index, ids) } };
        },
      ),
    };
  }
  if (sub === "documents" && subId !== undefined && method === "GET") {
    const doc = requireIndex(state, uid).documents.get(subId);
    if (!doc)
      throw new MeiliHttpError(404, "document_not_found", `Document \`${subId}\` not found.`);
    return { status: 200, body: doc };
  }
  if (sub === "search" && method === "POST")
    return { status: 200, body: search(requireIndex(state, uid), body) };
  throw new MeiliHttpError(
    404,
    "not_found",
    `${method} ${url.pathname} is not a route of the emulator.`,
  );
}
