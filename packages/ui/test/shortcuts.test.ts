import { describe, expect, it } from "vitest";
import { type KeyPress, shortcutFor } from "../src/keyboard/shortcuts";

const press = (key: string, change: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: { tagName: "BODY" },
  ...change,
});

describe("shortcutFor", () => {
  it("maps j, k, r, e and ? to their shortcuts", () => {
    expect(["j", "k", "r", "e", "?"].map((key) => shortcutFor(press(key)))).toEqual([
      "next",
      "previous",
      "reply",
      "archive",
      "help",
    ]);
  });

  it("ignores keys typed into fields", () => {
    for (const tagName of ["INPUT", "TEXTAREA", "SELECT", "input"]) {
      expect(shortcutFor(press("j", { target: { tagName } }))).toBeNull();
    }
    expect(shortcutFor(press("e", { target: { tagName: "DIV", isContentEditable: true } }))).toBe(
      null,
    );
  });

  it("leaves keys with Ctrl, Cmd or Alt to the browser", () => {
    expect(shortcutFor(press("r", { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press("r", { metaKey: true }))).toBeNull();
    expect(shortcutFor(press("j", { altKey: true }))).toBeNull();
  });

  it("ignores other keys and capitals", () => {
    expect(shortcutFor(press("x"))).toBeNull();
    expect(shortcutFor(press("J"))).toBeNull();
    expect(shortcutFor(press("j", { target: null }))).toBe("next");
  });
});
