/**
 * Unsent messages, kept per user and conversation in the browser's storage so a reload or a
 * failed send loses nothing. A draft is removed when its message is sent.
 */

/** The part of `Storage` drafts need; tests pass a Map-backed one. */
export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const PREFIX = "hearth:draft";

/** One draft per user and conversation ("new" plus the recipient for one not yet started). */
export function draftKey(userId: string, conversationId: string): string {
  return `${PREFIX}:${userId}:${conversationId}`;
}

export function readDraft(storage: DraftStorage | null, key: string): string {
  try {
    return storage?.getItem(key) ?? "";
  } catch {
    return "";
  }
}

/** Saves the text; an empty or blank text removes the draft. */
export function writeDraft(storage: DraftStorage | null, key: string, text: string): void {
  try {
    if (text.trim()) storage?.setItem(key, text);
    else storage?.removeItem(key);
  } catch {
    // Storage full or disabled (private mode): the draft lives only in the box.
  }
}

export function clearDraft(storage: DraftStorage | null, key: string): void {
  writeDraft(storage, key, "");
}

/** The browser's local storage, or null where there is none (server rendering, blocked). */
export function browserStorage(): DraftStorage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}
