import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../harness";
import { idsOf, markersOf } from "./foreign-ids";
import { databaseText, hostileValues } from "./hostile-values";
import { ownIds } from "./own-ids";
import { leavesOf, replacedAt, type SampleIds, sampleOf } from "./sample-input";
import { allProcedures, invoke, type Role, roles, type Target } from "./targets";
import { createWriteDetector } from "./write-detector";

/**
 * Every procedure of the router, as every role, with hostile input: the whole input replaced, each
 * field replaced, an unknown field added, and each id replaced by another organization's. Fails on
 * any 500 or unexpected exception, database text in an error, a write by a refused call or a
 * query, or another organization's data in an answer.
 */

let h: Harness;
let detector: Awaited<ReturnType<typeof createWriteDetector>>;
const foreignIds = new Map<string, string[]>();
const foreignMarkers = new Map<string, string[]>();

beforeAll(async () => {
  h = await createHarness();
  for (const slug of new Set(roles.map((role) => role.foreignSlug))) {
    foreignIds.set(slug, await idsOf(h, slug));
    foreignMarkers.set(slug, await markersOf(h, slug));
  }
  detector = await createWriteDetector(h.t.db);
}, 120_000);
afterAll(() => h.close());

/** Writes a call may make even when refused: a failed sign-in is counted (and its owner told). */
const refusedWritesAllowed: Record<string, readonly string[]> = {
  "auth.signIn": ["sign_in_attempts", "outbound_emails"],
  // A wrong current password counts in the sign-in throttle too.
  "account.changePassword": ["sign_in_attempts", "outbound_emails"],
};

interface Case {
  name: string;
  input: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function casesFor(target: Target, ids: SampleIds, foreign: readonly string[]): Case[] {
  const sample = target.input ? sampleOf(target.input, ids) : undefined;
  const cases: Case[] = [
    { name: "sample", input: sample },
    { name: "no input", input: undefined },
    ...hostileValues.map(({ name, value }) => ({ name: `input = ${name}`, input: value })),
  ];
  if (typeof sample === "object" && sample !== null && !Array.isArray(sample))
    cases.push({ name: "unknown field", input: { ...sample, organizationId: foreign[0] } });
  for (const leaf of leavesOf(sample)) {
    if (leaf.path.length === 0) continue;
    const at = leaf.path.join(".");
    for (const { name, value } of hostileValues)
      cases.push({ name: `${at} = ${name}`, input: replacedAt(sample, leaf.path, value) });
    if (typeof leaf.value === "string" && UUID.test(leaf.value))
      for (const id of foreign)
        cases.push({ name: `${at} = foreign ${id}`, input: replacedAt(sample, leaf.path, id) });
  }
  return cases;
}

async function sweep(role: Role, target: Target): Promise<string[]> {
  const problems: string[] = [];
  const foreign = foreignIds.get(role.foreignSlug) ?? [];
  const markers = foreignMarkers.get(role.foreignSlug) ?? [];
  const caller = await role.caller(h);
  const ids = (await ownIds(h, role.ownSlug, role.email))(target.path);
  await detector.changed();
  for (const { name, input } of casesFor(target, ids, foreign)) {
    const where = `${role.name} ${target.path} (${name})`;
    let ok = false;
    try {
      const result = await invoke(caller, target, input);
      ok = true;
      const text = JSON.stringify(result) ?? "";
      if (!role.seesEveryOrganization)
        for (const marker of markers)
          if (text.includes(marker)) problems.push(`${where}: answered with "${marker}"`);
    } catch (error) {
      if (!(error instanceof TRPCError)) {
        problems.push(`${where}: threw ${String(error).slice(0, 200)}`);
      } else {
        if (error.code === "INTERNAL_SERVER_ERROR")
          problems.push(`${where}: 500 ${String(error.cause ?? error.message).slice(0, 200)}`);
        if (databaseText.test(error.message))
          problems.push(`${where}: database text "${error.message.slice(0, 200)}"`);
      }
    }
    const changed = await detector.changed();
    const allowed =
      ok && target.type === "mutation" ? null : (refusedWritesAllowed[target.path] ?? []);
    const unexpected = allowed ? changed.filter((table) => !allowed.includes(table)) : [];
    if (unexpected.length > 0)
      problems.push(`${where}: ${ok ? "query" : "refused call"} wrote ${unexpected.join(", ")}`);
  }
  return problems;
}

const targets = allProcedures();

describe("every procedure, every role, hostile input", () => {
  it("covers the whole router", () => {
    expect(targets.length).toBeGreaterThan(40);
  });

  for (const role of roles) {
    it(`as ${role.name}: no 500, no database text, no refused write, no other organization's data`, async () => {
      const problems: string[] = [];
      for (const target of targets) problems.push(...(await sweep(role, target)));
      expect(problems).toEqual([]);
    }, 600_000);
  }
});
