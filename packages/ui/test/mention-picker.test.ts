import { describe, expect, it } from "vitest";
import { matching, triggerAt } from "../src/messenger/mention-picker";

describe("the @mention picker's trigger", () => {
  it("opens on an @ at the start or after a space, with what follows up to the caret", () => {
    expect(triggerAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(triggerAt("Hi @da", 6)).toEqual({ start: 3, query: "da" });
    expect(triggerAt("Hi @Dana Wh", 11)).toEqual({ start: 3, query: "Dana Wh" });
  });

  it("stays shut inside an email address, after a line break, or for '@ ' ", () => {
    expect(triggerAt("mail me at dana@example.com", 27)).toBeNull();
    expect(triggerAt("@dana\nand", 9)).toBeNull();
    expect(triggerAt("Hi @ there", 10)).toBeNull();
    expect(triggerAt("no at sign", 10)).toBeNull();
  });
});

describe("who matches", () => {
  const people = [{ name: "Dana Whitfield" }, { name: "Morgan Reyes" }, { name: "Riley Chen" }];
  it("a name or one of its words starting with the query, any case", () => {
    expect(matching(people, "")).toEqual(people);
    expect(matching(people, "re")).toEqual([{ name: "Morgan Reyes" }]);
    expect(matching(people, "DANA W")).toEqual([{ name: "Dana Whitfield" }]);
    expect(matching(people, "x")).toEqual([]);
  });
});
