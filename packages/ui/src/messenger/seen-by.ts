/** Read receipts shown once: under the newest of the viewer's messages anyone else has read. */

/** How far one other participant has read. */
export interface Reader {
  name: string;
  lastRead: number;
  readAt: Date | string | null;
}

export interface SeenMark {
  /** The message the mark goes under. */
  messageId: number;
  /** "Seen by Ana" in a conversation of two, "Seen by 2 of 3" in a group. */
  label: string;
  /** Who and when, for the hover: "Ana, 10:04 · Bo, 10:05". */
  detail: string;
}

/**
 * Where "Seen by" goes and what it says, or null when nobody else has read any of the viewer's
 * messages (or receipts are hidden: `readers` null). `formatTime` turns a read time into text.
 */
export function seenByMark(
  messages: readonly { id: number; mine: boolean; deletedAt?: unknown }[],
  readers: readonly Reader[] | null,
  formatTime: (at: Date | string) => string,
): SeenMark | null {
  if (!readers?.length) return null;
  const furthest = Math.max(...readers.map((reader) => reader.lastRead));
  const target = messages.findLast(
    (message) => message.mine && !message.deletedAt && message.id <= furthest,
  );
  if (!target) return null;
  const seenBy = readers.filter((reader) => reader.lastRead >= target.id);
  const label =
    readers.length === 1
      ? `Seen by ${seenBy.map((reader) => reader.name).join(", ")}`
      : `Seen by ${seenBy.length} of ${readers.length}`;
  const detail = seenBy
    .map((reader) => (reader.readAt ? `${reader.name}, ${formatTime(reader.readAt)}` : reader.name))
    .join(" · ");
  return { messageId: target.id, label, detail };
}
