import { useCallback, useEffect, useRef, useState } from "react";
import { browserStorage, clearDraft, readDraft, writeDraft } from "./draft-store";

/**
 * The composer's text, kept in the browser under `key` as it is typed. It is read after the
 * first render, since the server renders the box empty. `discard` forgets the stored draft (the
 * message was sent) without touching what is in the box now.
 */
export function useDraft(key: string) {
  const [text, setText] = useState("");
  const current = useRef(text);
  useEffect(() => {
    const stored = readDraft(browserStorage(), key);
    current.current = stored;
    setText(stored);
  }, [key]);
  const change = useCallback(
    (next: string) => {
      current.current = next;
      setText(next);
      writeDraft(browserStorage(), key, next);
    },
    [key],
  );
  /** Empties the box but keeps the stored draft until the send's outcome is known. */
  const takeText = useCallback(() => {
    current.current = "";
    setText("");
  }, []);
  /** After a send: forget the draft, unless something new was typed meanwhile. */
  const discard = useCallback(() => {
    if (!current.current) clearDraft(browserStorage(), key);
  }, [key]);
  /** After a failed send: the text comes back, unless something new was typed meanwhile. */
  const restore = useCallback(
    (previous: string) => {
      if (!current.current) change(previous);
    },
    [change],
  );
  return { text, change, takeText, discard, restore };
}
