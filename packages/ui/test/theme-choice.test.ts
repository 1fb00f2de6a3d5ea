import { describe, expect, it } from "vitest";
import {
  parseThemeChoice,
  THEME_STORAGE_KEY,
  themeAttribute,
  themeScript,
} from "../src/theme/theme-choice";

describe("theme choice", () => {
  it("follows the system unless light or dark was stored", () => {
    expect(parseThemeChoice(null)).toBe("system");
    expect(parseThemeChoice("purple")).toBe("system");
    expect(parseThemeChoice("light")).toBe("light");
    expect(parseThemeChoice("dark")).toBe("dark");
  });

  it("marks the document only for a fixed choice", () => {
    expect(themeAttribute("system")).toBeNull();
    expect(themeAttribute("dark")).toBe("dark");
    expect(themeAttribute("light")).toBe("light");
  });

  it("applies the stored choice before paint, and survives storage that throws", () => {
    const run = (storage: { getItem: (key: string) => string | null }) => {
      const documentElement = { dataset: {} as Record<string, string> };
      new Function("localStorage", "document", themeScript)(storage, { documentElement });
      return documentElement.dataset.theme;
    };
    expect(run({ getItem: (key) => (key === THEME_STORAGE_KEY ? "dark" : null) })).toBe("dark");
    expect(run({ getItem: () => "system" })).toBeUndefined();
    expect(
      run({
        getItem: () => {
          throw new Error("denied");
        },
      }),
    ).toBeUndefined();
  });
});
