import { describe, expect, it } from "vitest";
import {
  clearDraft,
  type DraftStorage,
  draftKey,
  readDraft,
  writeDraft,
} from "../src/messenger/draft-store";

function memoryStorage(): DraftStorage & { size: () => number } {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    size: () => items.size,
  };
}

describe("drafts per user and conversation", () => {
  it("keeps one draft per user and conversation", () => {
    const storage = memoryStorage();
    writeDraft(storage, draftKey("ana", "c1"), "Hello");
    writeDraft(storage, draftKey("ana", "c2"), "Other thread");
    writeDraft(storage, draftKey("bo", "c1"), "Bo's words");
    expect(readDraft(storage, draftKey("ana", "c1"))).toBe("Hello");
    expect(readDraft(storage, draftKey("ana", "c2"))).toBe("Other thread");
    expect(readDraft(storage, draftKey("bo", "c1"))).toBe("Bo's words");
    expect(readDraft(storage, draftKey("bo", "c2"))).toBe("");
  });

  it("is removed when sent or emptied", () => {
    const storage = memoryStorage();
    const key = draftKey("ana", "c1");
    writeDraft(storage, key, "Hello");
    clearDraft(storage, key);
    expect(readDraft(storage, key)).toBe("");
    writeDraft(storage, key, "   ");
    expect(storage.size()).toBe(0);
  });

  it("survives storage that is missing or refuses writes", () => {
    const broken: DraftStorage = {
      getItem: () => {
        throw new Error("blocked");
      },
      setItem: () => {
        throw new Error("quota");
      },
      removeItem: () => undefined,
    };
    expect(() => writeDraft(broken, "k", "text")).not.toThrow();
    expect(readDraft(broken, "k")).toBe("");
    expect(readDraft(null, "k")).toBe("");
  });
});
