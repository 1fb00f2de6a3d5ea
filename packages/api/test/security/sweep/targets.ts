import type { AppKind } from "@hearth/db";
import type { z } from "zod";
import { appRouter, type createCaller } from "../../../src/root";
import type { Harness } from "../../harness";

export type Caller = ReturnType<typeof createCaller>;

export interface Target {
  path: string;
  type: "query" | "mutation" | "subscription";
  input: z.ZodTypeAny | null;
}

interface ProcedureDef {
  procedure: true;
  type: Target["type"];
  inputs: z.ZodTypeAny[];
}

function isProcedure(node: unknown): node is { _def: ProcedureDef } {
  return (
    typeof node === "function" &&
    (node as { _def?: { procedure?: unknown } })._def?.procedure === true
  );
}

/** Every procedure of the app router, found by walking it: a new one is covered without a line here. */
export function allProcedures(): Target[] {
  const found: Target[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (isProcedure(node)) {
      found.push({
        path: path.join("."),
        type: node._def.type,
        input: node._def.inputs[0] ?? null,
      });
      return;
    }
    if (typeof node !== "object" || node === null) return;
    for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(appRouter._def.procedures, []);
  return found;
}

/** Calls `path` on a caller; a subscription is opened, read once and closed. */
export async function invoke(caller: Caller, target: Target, input: unknown): Promise<unknown> {
  let node: unknown = caller;
  for (const key of target.path.split(".")) node = (node as Record<string, unknown>)[key];
  const result = await (node as (input: unknown) => Promise<unknown>)(input);
  if (target.type !== "subscription") return result;
  const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  try {
    const timeout = new Promise<"timeout">((resolve) =>
      setTimeout(() => resolve("timeout"), 2_000),
    );
    return await Promise.race([iterator.next(), timeout]);
  } finally {
    await iterator.return?.();
  }
}

/** Who calls: every kind of account of one organization, and outsiders. */
export interface Role {
  name: string;
  /** The account's email, if it has one; its organization's ids fill the sample inputs. */
  email: string | null;
  ownSlug: string;
  /** The organization whose ids are foreign to this role. */
  foreignSlug: string;
  /** Operators read every organization by design. */
  seesEveryOrganization: boolean;
  caller(h: Harness): Promise<Caller>;
}

const member = (email: string, ownSlug = "standard", foreignSlug = "connected"): Role => ({
  name: email,
  email,
  ownSlug,
  foreignSlug,
  seesEveryOrganization: false,
  caller: (h) => h.as(email),
});

const anonymous = (app: AppKind): Role => ({
  name: `anonymous (${app})`,
  email: null,
  ownSlug: "standard",
  foreignSlug: "connected",
  seesEveryOrganization: false,
  caller: async (h) => h.anonymous(app).caller,
});

export const roles: readonly Role[] = [
  anonymous("manager"),
  anonymous("resident"),
  member("resident@standard.demo"),
  member("former@standard.demo"),
  member("pro@standard.demo"),
  member("landowner@standard.demo"),
  member("team@standard.demo"),
  member("owner@standard.demo"),
  { ...member("operator@platform.demo"), seesEveryOrganization: true },
  // Another organization's manager, aiming at the standard organization's ids.
  member("owner@connected.demo", "connected", "standard"),
];
