/**
 * Every allow/refuse decision comes from @hearth/policies: the API loads facts, asks the policy and
 * enforces or shows its answer, and never builds a decision itself. This reads the API's source
 * and fails on a decision literal or on the policy package's decision builders used outside it.
 * The gateway (src/policy/gateway.ts) only enforces decisions, so nothing is exempt.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const apiRoot = new URL("..", import.meta.url).pathname;
const sourceRoot = join(apiRoot, "src");

/** The policy package's decision builders. */
const builders = new Set(["allow", "deny"]);

interface Finding {
  readonly line: number;
  readonly what: string;
}

function isPolicyModule(specifier: string): boolean {
  return (
    specifier === "@hearth/policies" ||
    specifier.startsWith("@hearth/policies/") ||
    /(^|\/)policies\/src(\/|$)/.test(specifier)
  );
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/**
 * A decision literal: an object with `allowed` set to true or false, or with `allowed` next to a
 * `code` or `reason` (however `allowed` is computed).
 */
function isDecisionLiteral(node: ts.ObjectLiteralExpression): boolean {
  let allowed: ts.ObjectLiteralElementLike | undefined;
  let codeOrReason = false;
  for (const property of node.properties) {
    const name =
      ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)
        ? propertyName(property.name)
        : undefined;
    if (name === "allowed") allowed = property;
    if (name === "code" || name === "reason") codeOrReason = true;
  }
  if (!allowed) return false;
  if (codeOrReason) return true;
  return (
    ts.isPropertyAssignment(allowed) &&
    (allowed.initializer.kind === ts.SyntaxKind.TrueKeyword ||
      allowed.initializer.kind === ts.SyntaxKind.FalseKeyword)
  );
}

/** Where a source file builds a decision instead of asking the policy for one. */
function findDecisionBuilding(fileName: string, text: string): Finding[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const namespaces = new Set<string>();
  const report = (node: ts.Node, what: string) =>
    findings.push({
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      what,
    });

  const checkSpecifiers = (
    node: ts.Node,
    elements: readonly (ts.ImportSpecifier | ts.ExportSpecifier)[],
  ) => {
    for (const element of elements) {
      const imported = (element.propertyName ?? element.name).text;
      if (builders.has(imported)) report(node, `uses \`${imported}\` from the policy package`);
    }
  };

  const visit = (node: ts.Node): void => {
    if (
      ts.isImportDeclaration(node) &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      isPolicyModule(node.moduleSpecifier.text)
    ) {
      const bindings = node.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) checkSpecifiers(node, bindings.elements);
      if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
      if (node.importClause?.name) namespaces.add(node.importClause.name.text);
    }
    if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      isPolicyModule(node.moduleSpecifier.text) &&
      node.exportClause &&
      ts.isNamedExports(node.exportClause)
    ) {
      checkSpecifiers(node, node.exportClause.elements);
    }
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      namespaces.has(node.expression.text) &&
      builders.has(node.name.text)
    ) {
      report(node, `uses \`${node.name.text}\` from the policy package`);
    }
    if (ts.isObjectLiteralExpression(node) && isDecisionLiteral(node)) {
      report(node, "builds a decision literal");
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

const lines = (text: string) => findDecisionBuilding("sample.ts", text).map((f) => f.line);

describe("policy boundary", () => {
  it("no file of packages/api/src builds an allow/refuse decision of its own", () => {
    const files = sourceFiles(sourceRoot);
    const names = files.map((file) => relative(sourceRoot, file));
    expect(names).toEqual(
      expect.arrayContaining(["policy/gateway.ts", "messaging/broadcast.ts", "routers/policy.ts"]),
    );
    const findings = files.flatMap((file) =>
      findDecisionBuilding(file, readFileSync(file, "utf8")).map(
        ({ line, what }) => `${relative(apiRoot, file)}:${line} ${what}`,
      ),
    );
    expect(findings, "ask a decision of @hearth/policies instead").toEqual([]);
  });

  it("catches decision literals however they are written", () => {
    expect(lines(`const d = { allowed: false, code: "not_connected", reason: "No." };`)).toEqual([
      1,
    ]);
    expect(lines(`const d = { allowed: true, code: "ok", reason: "Yes." } as const;`)).toEqual([1]);
    expect(lines(`const d = { allowed: false as const, code, reason };`)).toEqual([1]);
    expect(lines(`const d = { allowed, code, reason };`)).toEqual([1]);
    expect(lines(`const d = { allowed: a > b, reason: "Maybe." };`)).toEqual([1]);
    expect(lines(`const d = { "allowed": false };`)).toEqual([1]);
    expect(lines(`const x = 1;\nconst d = { ...probe, allowed: true };`)).toEqual([2]);
    expect(lines(`return ok ? decision : { allowed: false, code: c, reason: r };`)).toEqual([1]);
  });

  it("catches the policy package's builders used outside it", () => {
    expect(lines(`import { allow, capabilities } from "@hearth/policies";`)).toEqual([1]);
    expect(lines(`import { deny as refuse } from "@hearth/policies";`)).toEqual([1]);
    expect(lines(`import { deny } from "../../../policies/src/decision";`)).toEqual([1]);
    expect(lines(`export { allow } from "@hearth/policies";`)).toEqual([1]);
    expect(
      lines(`import * as policies from "@hearth/policies";\nconst d = policies.deny("x", "y");`),
    ).toEqual([2]);
  });

  it("leaves reading, enforcing and passing on decisions alone", () => {
    const innocent = [
      `import { capabilities, type Decision, resolvePolicy } from "@hearth/policies";`,
      `import type { Decision } from "@hearth/policies";`,
      `if (!decision.allowed) throw new TRPCError({ code: "FORBIDDEN", message: decision.reason });`,
      `const can = { edit: policy.editMessage(facts).allowed, delete: false };`,
      `const ids = decision.allowed ? [id] : [];`,
      `const out = { decision, reason: note, code: "x" };`,
      `const view = { allowedTypes: ["general"], code: "ok" };`,
      `function allow() { return 1; }\nconst x = { allow: allow() };`,
      `import * as policies from "@hearth/policies";\nconst p = policies.resolvePolicy("standard", {});`,
      `import { allow } from "./local-helpers";`,
    ];
    for (const text of innocent) expect(lines(text), text).toEqual([]);
  });
});
