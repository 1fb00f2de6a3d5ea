export type Shortcut = "next" | "previous" | "reply" | "archive" | "help";

/** What the help dialog lists, in order; "/" (search) is handled by the shell's search box. */
export const shortcutHelp: readonly { keys: string; does: string }[] = [
  { keys: "j", does: "Next conversation" },
  { keys: "k", does: "Previous conversation" },
  { keys: "r", does: "Reply: go to the message box" },
  { keys: "e", does: "Archive or unarchive the open conversation" },
  { keys: "/", does: "Search messages" },
  { keys: "?", does: "Show these shortcuts" },
];

const byKey: Record<string, Shortcut> = {
  j: "next",
  k: "previous",
  r: "reply",
  e: "archive",
  "?": "help",
};

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: unknown;
}

/** Whether a key press lands in something a person types in, where letters are text. */
export function isTypingTarget(target: unknown): boolean {
  if (typeof target !== "object" || target === null) return false;
  const element = target as { tagName?: unknown; isContentEditable?: unknown };
  if (element.isContentEditable === true) return true;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(String(element.tagName ?? "").toUpperCase());
}

/** The page shortcut a key press asks for, or null: never while typing or with Ctrl, Cmd or Alt. */
export function shortcutFor(press: KeyPress): Shortcut | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (isTypingTarget(press.target)) return null;
  return byKey[press.key] ?? null;
}
