/**
 * The composer's @mention picker: typing "@" offers the people the policy lets you mention here
 * (the API's `mentions.candidates`), filtered as you type; arrows move, Enter or Tab picks,
 * Escape closes. The message box is the combobox and the list its listbox, so a screen reader
 * follows the highlighted person (aria-activedescendant). A pick writes "@Full Name", which is
 * how the server recognises a mention when the message is sent.
 */
import { type KeyboardEvent, type RefObject, useId, useState } from "react";
import { trpc } from "../trpc";

interface Trigger {
  /** Where the "@" is. */
  start: number;
  /** What follows it up to the caret. */
  query: string;
}

const MAX_QUERY = 40;
const MAX_SHOWN = 8;

/** The "@..." being typed at the caret: an "@" at the start or after a space, on this line. */
export function triggerAt(text: string, caret: number): Trigger | null {
  for (let i = caret - 1; i >= 0 && caret - i <= MAX_QUERY + 1; i--) {
    const char = text[i];
    if (char === "\n") return null;
    if (char !== "@") continue;
    const before = i === 0 ? " " : (text[i - 1] ?? " ");
    if (!/\s/.test(before)) return null;
    const query = text.slice(i + 1, caret);
    return query.startsWith(" ") ? null : { start: i, query };
  }
  return null;
}

/** People whose name, or one of its words, starts with the query. */
export function matching<T extends { name: string }>(people: readonly T[], query: string): T[] {
  const q = query.toLowerCase();
  return people.filter((person) => {
    const name = person.name.toLowerCase();
    return name.startsWith(q) || name.includes(` ${q}`);
  });
}

export function useMentionPicker({
  conversationId,
  text,
  onText,
  textarea,
}: {
  /** Unset where there is no conversation yet: no picker. */
  conversationId: string | undefined;
  text: string;
  onText: (text: string) => void;
  textarea: RefObject<HTMLTextAreaElement | null>;
}) {
  const [trigger, setTrigger] = useState<Trigger | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const candidates = trpc.mentions.candidates.useQuery(
    { conversationId: conversationId ?? "" },
    { enabled: Boolean(conversationId) && trigger !== null, staleTime: 60_000 },
  );
  const shown =
    trigger && trigger.start !== dismissedAt && candidates.data
      ? matching(candidates.data, trigger.query).slice(0, MAX_SHOWN)
      : [];
  const open = shown.length > 0;
  const highlighted = Math.min(active, shown.length - 1);
  const optionId = (index: number) => `${listId}-option-${index}`;

  /** Call with the box's text and caret after every change or caret move. */
  const track = (value: string, caret: number | null) => {
    const next = conversationId && caret !== null ? triggerAt(value, caret) : null;
    if (next?.start !== trigger?.start || next?.query !== trigger?.query) setActive(0);
    if (next === null || next.start !== dismissedAt) setDismissedAt(null);
    setTrigger(next);
  };

  const pick = (person: { name: string }) => {
    if (!trigger) return;
    const caret = trigger.start + 1 + trigger.query.length;
    const inserted = `@${person.name} `;
    onText(text.slice(0, trigger.start) + inserted + text.slice(caret));
    setTrigger(null);
    const at = trigger.start + inserted.length;
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(at, at);
    });
  };

  /** True when the key was the picker's (the composer then does nothing more with it). */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || event.nativeEvent.isComposing) return false;
    const person = shown[highlighted];
    if (event.key === "ArrowDown") setActive((highlighted + 1) % shown.length);
    else if (event.key === "ArrowUp") setActive((highlighted - 1 + shown.length) % shown.length);
    else if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey && person)
      pick(person);
    else if (event.key === "Escape") setDismissedAt(trigger?.start ?? null);
    else return false;
    event.preventDefault();
    event.stopPropagation();
    return true;
  };

  // Without a conversation there is nobody to offer: the box stays a plain text box.
  const inputProps = conversationId
    ? ({
        role: "combobox",
        "aria-autocomplete": "list",
        "aria-expanded": open,
        ...(open
          ? { "aria-controls": listId, "aria-activedescendant": optionId(highlighted) }
          : {}),
      } as const)
    : {};

  const listbox = open ? (
    <div
      id={listId}
      role="listbox"
      aria-label="People you can mention"
      className="mb-2 max-h-56 overflow-y-auto rounded-xl border border-slate-200 bg-white py-1 text-sm shadow-lg"
    >
      {shown.map((person, index) => (
        <div
          key={person.userId}
          id={optionId(index)}
          role="option"
          aria-selected={index === highlighted}
          tabIndex={-1}
          // Keeps the focus (and the caret) in the message box.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => pick(person)}
          onKeyDown={() => {}}
          className={`cursor-pointer px-3 py-1.5 ${
            index === highlighted ? "bg-brand-50 text-brand-800" : "text-slate-800"
          }`}
        >
          @{person.name}
        </div>
      ))}
    </div>
  ) : null;

  return { inputProps, onKeyDown, track, listbox };
}
