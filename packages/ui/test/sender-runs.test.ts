import { describe, expect, it } from "vitest";
import { runStarts } from "../src/messenger/sender-runs";

describe("sender's name once per run", () => {
  it("marks the first message of each run of the same sender", () => {
    const senders = ["ana", "ana", "bo", "ana", "ana", null, null].map((senderId) => ({
      senderId,
    }));
    expect(runStarts(senders)).toEqual([true, false, true, true, false, true, false]);
  });

  it("has nothing to mark in an empty thread", () => {
    expect(runStarts([])).toEqual([]);
  });
});
