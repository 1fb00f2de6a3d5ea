import { describe, expect, it } from "vitest";
import { safeRedirect } from "../src/server/session";

describe("safeRedirect", () => {
  it("keeps a local path with its query and hash", () => {
    expect(safeRedirect("/inbox/abc?filter=high#m-3")).toBe("/inbox/abc?filter=high#m-3");
    expect(safeRedirect("/")).toBe("/");
  });

  it("refuses anything a browser would take to another site", () => {
    for (const hostile of [
      "//evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "\\\\evil.example",
      "/%5Cevil.example",
      "/%5cevil.example",
      "/%2F%2Fevil.example",
      "/%252F%252Fevil.example",
      "/\t/evil.example",
      "/%09/evil.example",
      "/\n/evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "evil.example",
      "/%zz",
    ]) {
      expect(safeRedirect(hostile, "/home"), JSON.stringify(hostile)).toBe("/home");
    }
    expect(safeRedirect(null)).toBe("/");
  });
});
