import { describe, expect, it } from "vitest";
import { seenByMark } from "../src/messenger/seen-by";

const at = (time: Date | string) => String(time);
const messages = [
  { id: 1, mine: true },
  { id: 2, mine: false },
  { id: 3, mine: true },
  { id: 4, mine: true },
];

describe("Seen by, once", () => {
  it("goes under the newest of my messages the other person has read", () => {
    const mark = seenByMark(messages, [{ name: "Ana", lastRead: 3, readAt: "10:04" }], at);
    expect(mark).toEqual({ messageId: 3, label: "Seen by Ana", detail: "Ana, 10:04" });
  });

  it("counts readers in a group: Seen by 2 of 3", () => {
    const mark = seenByMark(
      messages,
      [
        { name: "Ana", lastRead: 4, readAt: "10:04" },
        { name: "Bo", lastRead: 4, readAt: "10:05" },
        { name: "Cy", lastRead: 2, readAt: null },
      ],
      at,
    );
    expect(mark).toEqual({
      messageId: 4,
      label: "Seen by 2 of 3",
      detail: "Ana, 10:04 · Bo, 10:05",
    });
  });

  it("is absent when nobody has read my messages, or receipts are hidden", () => {
    expect(seenByMark(messages, [{ name: "Ana", lastRead: 0, readAt: null }], at)).toBeNull();
    expect(seenByMark(messages, null, at)).toBeNull();
    expect(
      seenByMark([{ id: 2, mine: false }], [{ name: "Ana", lastRead: 2, readAt: null }], at),
    ).toBeNull();
  });

  it("skips a deleted message", () => {
    const withDeleted = [...messages.slice(0, 3), { id: 4, mine: true, deletedAt: "x" }];
    const mark = seenByMark(withDeleted, [{ name: "Ana", lastRead: 4, readAt: null }], at);
    expect(mark?.messageId).toBe(3);
  });
});
