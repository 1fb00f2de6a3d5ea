import { describe, expect, it } from "vitest";
import { FilterSyntaxError } from "./filter-ast";
import { parseFilter, parseFilterParameter } from "./filter-parser";

const eq = (attribute: string, value: string) => ({
  kind: "compare",
  attribute,
  operator: "=",
  value,
});

describe("emulator filter parser", () => {
  it("reads every comparison operator, numbers and words", () => {
    for (const operator of ["=", "!=", "<", "<=", ">", ">="]) {
      expect(parseFilter(`createdAt ${operator} 17.5`)).toEqual({
        kind: "compare",
        attribute: "createdAt",
        operator,
        value: "17.5",
      });
    }
    expect(parseFilter("a>=-3")).toEqual({
      kind: "compare",
      attribute: "a",
      operator: ">=",
      value: "-3",
    });
    expect(parseFilter("  type   =   maintenance  ")).toEqual(eq("type", "maintenance"));
  });

  it("gives AND precedence over OR, and parentheses over both", () => {
    expect(parseFilter("a = 1 OR b = 2 AND c = 3")).toEqual({
      kind: "or",
      children: [eq("a", "1"), { kind: "and", children: [eq("b", "2"), eq("c", "3")] }],
    });
    expect(parseFilter("(a = 1 OR b = 2) AND c = 3")).toEqual({
      kind: "and",
      children: [{ kind: "or", children: [eq("a", "1"), eq("b", "2")] }, eq("c", "3")],
    });
  });

  it("reads NOT, double NOT, NOT IN, NOT EXISTS, IS [NOT] NULL / EMPTY", () => {
    expect(parseFilter("NOT a = 1")).toEqual({ kind: "not", child: eq("a", "1") });
    expect(parseFilter("NOT NOT a = 1")).toEqual(eq("a", "1"));
    expect(parseFilter("a NOT IN [x, 'y z',]")).toEqual({
      kind: "not",
      child: { kind: "in", attribute: "a", values: ["x", "y z"] },
    });
    expect(parseFilter("a IN []")).toEqual({ kind: "in", attribute: "a", values: [] });
    expect(parseFilter("a EXISTS")).toEqual({ kind: "exists", attribute: "a" });
    expect(parseFilter("a NOT EXISTS")).toEqual({
      kind: "not",
      child: { kind: "exists", attribute: "a" },
    });
    expect(parseFilter("a IS NULL")).toEqual({ kind: "isNull", attribute: "a" });
    expect(parseFilter("a IS NOT EMPTY")).toEqual({
      kind: "not",
      child: { kind: "isEmpty", attribute: "a" },
    });
  });

  it("reads ranges with TO", () => {
    expect(parseFilter("createdAt 1 TO 5")).toEqual({
      kind: "between",
      attribute: "createdAt",
      from: "1",
      to: "5",
    });
    expect(parseFilter("x '1' TO \"5\" AND y = 2")).toEqual({
      kind: "and",
      children: [{ kind: "between", attribute: "x", from: "1", to: "5" }, eq("y", "2")],
    });
  });

  it('reads quoted strings with \\" and \\\\ escapes', () => {
    expect(parseFilter('a = "x\\" OR b = \\"y"')).toEqual(eq("a", 'x" OR b = "y'));
    expect(parseFilter('a = "back\\\\"')).toEqual(eq("a", "back\\"));
    expect(parseFilter('a = "\\\\\\" OR 1 = 1"')).toEqual(eq("a", '\\" OR 1 = 1'));
    expect(parseFilter("a = 'it\\'s'")).toEqual(eq("a", "it's"));
    expect(parseFilter('"my attr" = "AND"')).toEqual(eq("my attr", "AND"));
  });

  it("refuses what Meilisearch refuses", () => {
    for (const bad of [
      "a",
      "a =",
      "= 1",
      "a = 1 b = 2",
      "a = 1 AND",
      "a = 1 OR OR b = 2",
      "(a = 1",
      "a = 1)",
      'a = "open',
      "a = 'open",
      'a = "x\\"',
      "a IN [1, 2",
      "a IN 1",
      "a = AND",
      "a IS b",
      "a 1 TO",
      "a = 1 and b = 2",
      "a ~ 1",
    ]) {
      expect(() => parseFilter(bad), bad).toThrow(FilterSyntaxError);
    }
  });

  it("takes the search parameter as a string or an array, inner arrays OR'ed", () => {
    expect(parseFilterParameter(undefined)).toBeNull();
    expect(parseFilterParameter("  ")).toBeNull();
    expect(parseFilterParameter(["a = 1", ["b = 2", "c = 3"]])).toEqual({
      kind: "and",
      children: [eq("a", "1"), { kind: "or", children: [eq("b", "2"), eq("c", "3")] }],
    });
    expect(() => parseFilterParameter([1])).toThrow(FilterSyntaxError);
    expect(() => parseFilterParameter({ a: 1 })).toThrow(FilterSyntaxError);
  });

  it("keeps a value that tries to break out of its quotes inside them", () => {
    const hostile = 'x" OR organizationId = "other';
    const escaped = `"${hostile.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
    expect(parseFilter(`participantIds = ${escaped}`)).toEqual(eq("participantIds", hostile));
  });
});
