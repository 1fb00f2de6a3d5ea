/**
 * A parser of Meilisearch's filter grammar (crates/filter-parser):
 *
 *   expression = and ("OR" and)*
 *   and        = not ("AND" not)*
 *   not        = "NOT" not | primary
 *   primary    = "(" expression ")" | value op value | value value "TO" value
 *              | value ["NOT"] "IN" "[" value ("," value)* ","? "]"
 *              | value ["NOT"] "EXISTS" | value "IS" ["NOT"] ("NULL" | "EMPTY")
 *   value      = word | 'single quoted' | "double quoted"
 *   word       = (letter | digit | "_" | "-" | ".")+, not a keyword
 *
 * Keywords are upper case only, as in Meilisearch. Inside quotes a backslash escapes the next
 * character (`\"` is a quote, `\\` a backslash, `\n` a newline).
 */
import { type ComparisonOperator, type FilterNode, FilterSyntaxError } from "./filter-ast";

const KEYWORDS = new Set([
  "AND",
  "OR",
  "IN",
  "NOT",
  "TO",
  "EXISTS",
  "IS",
  "NULL",
  "EMPTY",
  "CONTAINS",
  "STARTS",
  "WITH",
  "_geoRadius",
  "_geoBoundingBox",
]);
const MAX_DEPTH = 200;
const OPERATORS: ComparisonOperator[] = [">=", "<=", "!=", "=", ">", "<"];
const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "0": "\0" };
const EXPECTED_OPERATION =
  "Was expecting an operation `=`, `!=`, `>=`, `>`, `<=`, `<`, `IN`, `NOT IN`, `TO`, `EXISTS`, `NOT EXISTS`, `IS NULL`, `IS NOT NULL`, `IS EMPTY`, `IS NOT EMPTY`";

function isWordChar(char: string): boolean {
  return /[\p{L}\p{N}_.-]/u.test(char);
}

class Parser {
  private at = 0;

  constructor(private readonly input: string) {}

  parse(): FilterNode {
    const node = this.or(0);
    this.skipSpace();
    if (this.at < this.input.length) {
      this.fail(
        `Found unexpected characters at the end of the filter: \`${this.input.slice(this.at)}\`. You probably forgot an \`OR\` or an \`AND\` rule.`,
      );
    }
    return node;
  }

  private fail(message: string): never {
    throw new FilterSyntaxError(`${message}\n1:${this.at + 1} ${this.input}`);
  }

  private skipSpace(): void {
    while (this.at < this.input.length && /\s/u.test(this.input[this.at] ?? "")) this.at++;
  }

  /** The word at the cursor without consuming it. */
  private peekWord(): string {
    this.skipSpace();
    let end = this.at;
    while (end < this.input.length && isWordChar(this.input[end] ?? "")) end++;
    return this.input.slice(this.at, end);
  }

  private takeKeyword(keyword: string): boolean {
    if (this.peekWord() !== keyword) return false;
    this.at += keyword.length;
    return true;
  }

  private expectKeyword(keyword: string): void {
    if (!this.takeKeyword(keyword)) this.fail(`Was expecting \`${keyword}\`.`);
  }

  private or(depth: number): FilterNode {
    if (depth > MAX_DEPTH) this.fail("The filter exceeded the maximum depth limit.");
    const children = [this.and(depth + 1)];
    while (this.takeKeyword("OR")) children.push(this.and(depth + 1));
    return children.length === 1 ? (children[0] as FilterNode) : { kind: "or", children };
  }

  private and(depth: number): FilterNode {
    const children = [this.not(depth + 1)];
    while (this.takeKeyword("AND")) children.push(this.not(depth + 1));
    return children.length === 1 ? (children[0] as FilterNode) : { kind: "and", children };
  }

  private not(depth: number): FilterNode {
    if (depth > MAX_DEPTH) this.fail("The filter exceeded the maximum depth limit.");
    if (this.takeKeyword("NOT")) {
      const inner = this.not(depth + 1);
      return inner.kind === "not" ? inner.child : { kind: "not", child: inner };
    }
    return this.primary(depth + 1);
  }

  private primary(depth: number): FilterNode {
    this.skipSpace();
    if (this.input[this.at] === "(") {
      this.at++;
      const inner = this.or(depth + 1);
      this.skipSpace();
      if (this.input[this.at] !== ")") this.fail("Expression `(` is missing a closing `)`.");
      this.at++;
      return inner;
    }
    const attribute = this.value();
    return this.condition(attribute);
  }

  private condition(attribute: string): FilterNode {
    this.skipSpace();
    const operator = OPERATORS.find((op) => this.input.startsWith(op, this.at));
    if (operator) {
      this.at += operator.length;
      return { kind: "compare", attribute, operator, value: this.value() };
    }
    if (this.takeKeyword("IN")) return { kind: "in", attribute, values: this.valueList() };
    if (this.takeKeyword("EXISTS")) return { kind: "exists", attribute };
    if (this.takeKeyword("NOT")) {
      if (this.takeKeyword("IN")) {
        return { kind: "not", child: { kind: "in", attribute, values: this.valueList() } };
      }
      this.expectKeyword("EXISTS");
      return { kind: "not", child: { kind: "exists", attribute } };
    }
    if (this.takeKeyword("IS")) {
      const negated = this.takeKeyword("NOT");
      let node: FilterNode;
      if (this.takeKeyword("NULL")) node = { kind: "isNull", attribute };
      else if (this.takeKeyword("EMPTY")) node = { kind: "isEmpty", attribute };
      else this.fail("Was expecting `NULL` or `EMPTY` after `IS`.");
      return negated ? { kind: "not", child: node } : node;
    }
    const word = this.peekWord();
    const quoted = this.input[this.at] === '"' || this.input[this.at] === "'";
    if (quoted || (word !== "" && !KEYWORDS.has(word))) {
      const from = this.value();
      this.expectKeyword("TO");
      return { kind: "between", attribute, from, to: this.value() };
    }
    this.fail(`${EXPECTED_OPERATION} at \`${this.input.slice(this.at)}\`.`);
  }

  private valueList(): string[] {
    this.skipSpace();
    if (this.input[this.at] !== "[") this.fail("Expected `[` after `IN` keyword.");
    this.at++;
    const values: string[] = [];
    this.skipSpace();
    while (this.input[this.at] !== "]") {
      if (this.at >= this.input.length)
        this.fail("Expected matching `]` after the list of field names given to `IN[`");
      values.push(this.value());
      this.skipSpace();
      if (this.input[this.at] === ",") {
        this.at++;
        this.skipSpace();
      } else if (this.input[this.at] !== "]") {
        this.fail("Expected only comma-separated field names inside `IN[..]`.");
      }
    }
    this.at++;
    return values;
  }

  private value(): string {
    this.skipSpace();
    const quote = this.input[this.at];
    if (quote === '"' || quote === "'") return this.quoted(quote);
    const word = this.peekWord();
    if (word === "")
      this.fail(`Was expecting a value but instead got \`${this.input.slice(this.at)}\`.`);
    if (KEYWORDS.has(word)) {
      this.fail(
        `Was expecting a value but instead got \`${word}\`, which is a reserved keyword. To use \`${word}\` as a field name or a value, surround it by quotes.`,
      );
    }
    this.at += word.length;
    return word;
  }

  private quoted(quote: string): string {
    const opening = this.at;
    this.at++;
    let value = "";
    while (this.at < this.input.length) {
      const char = this.input[this.at] ?? "";
      if (char === quote) {
        this.at++;
        return value;
      }
      if (char === "\\") {
        const next = this.input[this.at + 1];
        if (next === undefined) break;
        value += ESCAPES[next] ?? next;
        this.at += 2;
        continue;
      }
      value += char;
      this.at++;
    }
    this.at = opening;
    this.fail(
      `Expression \`${this.input.slice(opening)}\` is missing the following closing delimiter: \`${quote}\`.`,
    );
  }
}

/** The filter as a tree; null for a blank filter. @throws FilterSyntaxError */
export function parseFilter(input: string): FilterNode | null {
  if (input.trim() === "") return null;
  return new Parser(input).parse();
}

/**
 * The `filter` search parameter: a string, or an array whose strings are AND'ed and whose
 * inner arrays of strings are OR'ed.
 */
export function parseFilterParameter(filter: unknown): FilterNode | null {
  if (filter === undefined || filter === null) return null;
  if (typeof filter === "string") return parseFilter(filter);
  if (!Array.isArray(filter)) {
    throw new FilterSyntaxError(
      "Invalid syntax for the filter parameter: `expected String, Array`.",
    );
  }
  const children: FilterNode[] = [];
  for (const element of filter) {
    if (typeof element === "string") {
      const node = parseFilter(element);
      if (node) children.push(node);
    } else if (Array.isArray(element)) {
      const alternatives: FilterNode[] = [];
      for (const inner of element) {
        if (typeof inner !== "string") {
          throw new FilterSyntaxError(
            "Invalid syntax for the filter parameter: `expected String, Array`.",
          );
        }
        const node = parseFilter(inner);
        if (node) alternatives.push(node);
      }
      if (alternatives.length > 0) children.push({ kind: "or", children: alternatives });
    } else {
      throw new FilterSyntaxError(
        "Invalid syntax for the filter parameter: `expected String, Array`.",
      );
    }
  }
  if (children.length === 0) return null;
  return children.length === 1 ? (children[0] as FilterNode) : { kind: "and", children };
}
