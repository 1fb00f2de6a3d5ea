import { type Database, type Kysely, sql, type Transaction } from "@hearth/db";
import {
  createPolicy,
  describeRules,
  getProfile,
  type KnobName,
  type Knobs,
  knobNames,
  knobsSchema,
  listProfiles,
  type PolicyProfile,
  resolvePolicy,
} from "@hearth/policies";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { FieldProblems, operatorProcedure, router } from "../trpc";
import { bigintId, int4 } from "../validation";

const organizationId = z.string().uuid();
/** The `settingsVersion` the operator's form was drawn from; a save from an older one is refused. */
const settingsVersion = int4();

/**
 * The organization's settings. Inside a save, `lock` holds its row until the transaction ends, so
 * the version check, the validation and the audit's "before" all see the row that is replaced.
 */
async function loadOrganization(
  db: Kysely<Database>,
  id: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .selectFrom("organizations")
    .select([
      "id",
      "slug",
      "name",
      "mode",
      "policy_profile as policyProfile",
      "policy_overrides as policyOverrides",
      "settings_version as settingsVersion",
      "updated_at as updatedAt",
    ])
    .where("id", "=", id);
  const org = await (options.lock ? query.forUpdate() : query).executeTakeFirst();
  if (!org) throw new TRPCError({ code: "NOT_FOUND", message: "No such organization." });
  return org;
}

/** Refused when someone saved the settings after the operator opened them. */
function staleSettings(): TRPCError {
  return new TRPCError({
    code: "CONFLICT",
    message:
      "These settings were changed since you opened them, by someone else or in another tab. Reload to see the current settings.",
  });
}

/**
 * Replaces the profile and overrides only if they are still at the version the operator saw, and
 * moves the version on; the condition makes a stale save change nothing even without the lock.
 */
async function saveSettings(
  trx: Transaction<Database>,
  id: string,
  seenVersion: number,
  settings: { profile: string; overrides: Record<string, unknown>; now: Date },
): Promise<number> {
  const saved = await trx
    .updateTable("organizations")
    .set((eb) => ({
      policy_profile: settings.profile,
      policy_overrides: JSON.stringify(settings.overrides),
      settings_version: eb("settings_version", "+", 1),
      updated_at: settings.now,
    }))
    .where("id", "=", id)
    .where("settings_version", "=", seenVersion)
    .returning("settings_version as settingsVersion")
    .executeTakeFirst();
  if (!saved) throw staleSettings();
  return saved.settingsVersion;
}

/** A knob's value: a switch, a number, one word of a set, or a list. */
export type KnobValue = Knobs[KnobName];

/** How a form edits a knob. */
export type KnobFieldKind = "boolean" | "enum" | "number" | "string" | "list";

/** One overridable knob as a form needs it: input kind, choices, value and profile default. */
export interface KnobField {
  readonly knob: KnobName;
  /** What the knob is about, in words (the rules table's "rule"). */
  readonly label: string;
  readonly kind: KnobFieldKind;
  /** The allowed values of an enum, or of a list's items; absent for free text. */
  readonly options?: readonly string[];
  /** Each option in words ("service_pro" → "service pros"). */
  readonly optionLabels?: Readonly<Record<string, string>>;
  /** Bounds of a number. */
  readonly min?: number;
  readonly max?: number;
  /** Unit of a number. */
  readonly unit?: "bytes" | "minutes";
  /** What each item of a free-text list must look like. */
  readonly hint?: string;
  /** The effective value: the organization's override, or the profile default. */
  readonly value: KnobValue;
  readonly valueLabel: string;
  readonly defaultValue: KnobValue;
  readonly defaultLabel: string;
  /** The organization stores an override for this knob. */
  readonly overridden: boolean;
}

type ZodLike = z.ZodTypeAny;
const Kind = z.ZodFirstPartyTypeKind;

/** Peels wrappers (readonly, refinements, optional, default) off a schema. */
function unwrap(schema: ZodLike): ZodLike {
  let current = schema;
  for (;;) {
    const def = current._def;
    if (
      def.typeName === Kind.ZodReadonly ||
      def.typeName === Kind.ZodOptional ||
      def.typeName === Kind.ZodNullable ||
      def.typeName === Kind.ZodDefault
    )
      current = def.innerType;
    else if (def.typeName === Kind.ZodEffects) current = def.schema;
    else return current;
  }
}

const numberUnits: Partial<Record<KnobName, "bytes" | "minutes">> = {
  maxAttachmentBytes: "bytes",
  editWindowMinutes: "minutes",
  deleteWindowMinutes: "minutes",
};

type FieldShape = Pick<KnobField, "kind" | "options" | "min" | "max" | "unit" | "hint">;

/** Reads a knob's input kind and constraints from its zod schema. */
function shapeOf(knob: KnobName): FieldShape {
  const schema = unwrap(knobsSchema.shape[knob]);
  switch (schema._def.typeName) {
    case Kind.ZodBoolean:
      return { kind: "boolean" };
    case Kind.ZodEnum:
      return { kind: "enum", options: [...(schema as z.ZodEnum<[string]>).options] };
    case Kind.ZodNumber: {
      const number = schema as z.ZodNumber;
      return {
        kind: "number",
        ...(number.minValue !== null ? { min: number.minValue } : {}),
        ...(number.maxValue !== null ? { max: number.maxValue } : {}),
        ...(numberUnits[knob] ? { unit: numberUnits[knob] } : {}),
      };
    }
    case Kind.ZodString:
      return { kind: "string" };
    case Kind.ZodArray: {
      const item = unwrap((schema as z.ZodArray<ZodLike>).element);
      if (item._def.typeName === Kind.ZodEnum)
        return { kind: "list", options: [...(item as z.ZodEnum<[string]>).options] };
      const pattern = (item as z.ZodString)._def.checks?.find((check) => check.kind === "regex");
      return { kind: "list", ...(pattern?.message ? { hint: pattern.message } : {}) };
    }
    default:
      throw new Error(`Knob "${knob}" has a schema the operator console cannot edit.`);
  }
}

const shapes = new Map(knobNames.map((knob) => [knob, shapeOf(knob)]));

/** A knob value in words, as the rules table writes it ("25 MB", "residents, owners"). */
function inWords(profile: PolicyProfile, knob: KnobName, value: unknown): string {
  const policy = createPolicy(profile, { ...profile.defaults, [knob]: value }, []);
  return describeRules(policy).find((row) => row.knob === knob)?.value ?? String(value);
}

/** The form fields for a profile's overridable knobs, filled from the organization's overrides. */
function knobFields(
  profile: PolicyProfile,
  overrides: Record<string, unknown> | null,
): KnobField[] {
  const stored = overrides ?? {};
  const labels = new Map(
    describeRules(createPolicy(profile, profile.defaults, [])).map((row) => [row.knob, row.rule]),
  );
  return profile.overridable.map((knob) => {
    const shape = shapes.get(knob) ?? shapeOf(knob);
    const defaultValue = profile.defaults[knob];
    const overridden = Object.hasOwn(stored, knob);
    // A stored value that no longer parses shows the default; `problems` names it.
    const parsed = overridden ? knobsSchema.shape[knob].safeParse(stored[knob]) : null;
    const value = (parsed?.success ? parsed.data : defaultValue) as KnobValue;
    const optionLabels = shape.options
      ? Object.fromEntries(
          shape.options.map((option) => [
            option,
            inWords(profile, knob, shape.kind === "list" ? [option] : option),
          ]),
        )
      : undefined;
    return {
      knob,
      label: labels.get(knob) ?? knob,
      ...shape,
      ...(optionLabels ? { optionLabels } : {}),
      value,
      valueLabel: inWords(profile, knob, value),
      defaultValue,
      defaultLabel: inWords(profile, knob, defaultValue),
      overridden,
    };
  });
}

export const operatorRouter = router({
  /** Every customer organization with its policy profile. */
  organizations: operatorProcedure.query(({ ctx }) =>
    ctx.db
      .selectFrom("organizations as o")
      .select((eb) => [
        "o.id",
        "o.slug",
        "o.name",
        "o.policy_profile as policyProfile",
        "o.mode",
        sql<number>`jsonb_array_length(jsonb_path_query_array(o.policy_overrides, '$.keyvalue()'))`.as(
          "overrideCount",
        ),
        eb
          .selectFrom("users as u")
          .select(sql<number>`count(*)`.as("n"))
          .whereRef("u.organization_id", "=", "o.id")
          .as("people"),
      ])
      .orderBy("o.name")
      .execute(),
  ),

  /** The registered profiles, for the switcher. */
  profiles: operatorProcedure.query(() =>
    listProfiles().map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      seeds: p.seeds,
      overridable: p.overridable,
    })),
  ),

  /**
   * One organization with its effective rules as a readable table, and `knobs`: one form field
   * per knob its profile lets it override.
   */
  organization: operatorProcedure
    .input(z.strictObject({ id: organizationId }))
    .query(async ({ ctx, input }) => {
      const org = await loadOrganization(ctx.db, input.id);
      const resolved = resolvePolicy(org.policyProfile, org.policyOverrides);
      const profile = getProfile(org.policyProfile);
      return {
        ...org,
        rules: resolved.ok ? describeRules(resolved.policy) : [],
        problems: resolved.ok ? [] : resolved.errors,
        overridable: profile?.overridable ?? [],
        knobs: profile ? knobFields(profile, org.policyOverrides) : [],
      };
    }),

  /**
   * Switches the organization to another profile. Overrides belong to a profile, so they are
   * cleared; the change applies from the next request and is audited. `settingsVersion` is the
   * one the operator saw: a save over someone else's newer one is CONFLICT and changes nothing.
   */
  setProfile: operatorProcedure
    .input(
      z.strictObject({ organizationId, profileId: z.string().min(1).max(100), settingsVersion }),
    )
    .mutation(async ({ ctx, input }) => {
      if (!getProfile(input.profileId))
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `profileId: Unknown profile "${input.profileId}".`,
        });
      return ctx.db.transaction().execute(async (trx) => {
        const before = await loadOrganization(trx, input.organizationId, { lock: true });
        if (before.settingsVersion !== input.settingsVersion) throw staleSettings();
        const version = await saveSettings(trx, input.organizationId, input.settingsVersion, {
          profile: input.profileId,
          overrides: {},
          now: ctx.clock.now(),
        });
        await trx
          .insertInto("audit_log")
          .values({
            organization_id: input.organizationId,
            actor_id: ctx.user.id,
            action: "policy.profile_changed",
            target_type: "organization",
            target_id: input.organizationId,
            before: JSON.stringify({
              profile: before.policyProfile,
              overrides: before.policyOverrides,
            }),
            after: JSON.stringify({ profile: input.profileId, overrides: {} }),
          })
          .execute();
        return { profileId: input.profileId, settingsVersion: version };
      });
    }),

  /**
   * Replaces the organization's overrides; a knob the profile does not allow is refused by name.
   * Like `setProfile`, it takes the `settingsVersion` the operator saw.
   */
  setOverrides: operatorProcedure
    .input(
      z.strictObject({
        organizationId,
        overrides: z.record(z.string(), z.unknown()),
        settingsVersion,
      }),
    )
    .mutation(async ({ ctx, input }) =>
      ctx.db.transaction().execute(async (trx) => {
        const before = await loadOrganization(trx, input.organizationId, { lock: true });
        if (before.settingsVersion !== input.settingsVersion) throw staleSettings();
        const resolved = resolvePolicy(before.policyProfile, input.overrides);
        if (!resolved.ok) {
          const fieldErrors: Record<string, string[]> = {};
          for (const error of resolved.errors) {
            const field = error.path || "overrides";
            fieldErrors[field] = [...(fieldErrors[field] ?? []), error.message];
          }
          throw new TRPCError({
            code: "BAD_REQUEST",
            message: "Some overrides are not allowed.",
            cause: new FieldProblems(fieldErrors),
          });
        }
        const version = await saveSettings(trx, input.organizationId, input.settingsVersion, {
          profile: before.policyProfile,
          overrides: input.overrides,
          now: ctx.clock.now(),
        });
        await trx
          .insertInto("audit_log")
          .values({
            organization_id: input.organizationId,
            actor_id: ctx.user.id,
            action: "policy.overrides_changed",
            target_type: "organization",
            target_id: input.organizationId,
            before: JSON.stringify({
              profile: before.policyProfile,
              overrides: before.policyOverrides,
            }),
            after: JSON.stringify({ profile: before.policyProfile, overrides: input.overrides }),
          })
          .execute();
        return { overrides: input.overrides, settingsVersion: version };
      }),
    ),

  /** The audit log, newest first, filtered by organization and action. */
  auditLog: operatorProcedure
    .input(
      z
        .object({
          organizationId: organizationId.optional(),
          action: z.string().max(100).optional(),
          before: bigintId().optional(),
        })
        .default({}),
    )
    .query(async ({ ctx, input }) => {
      let query = ctx.db
        .selectFrom("audit_log as a")
        .leftJoin("users as u", "u.id", "a.actor_id")
        .leftJoin("organizations as o", "o.id", "a.organization_id")
        .select([
          "a.id",
          "a.action",
          "a.target_type as targetType",
          "a.target_id as targetId",
          "a.before",
          "a.after",
          "a.created_at as createdAt",
          "u.display_name as actorName",
          "u.email as actorEmail",
          "o.name as organizationName",
        ])
        .orderBy("a.id", "desc")
        .limit(51);
      if (input.organizationId) query = query.where("a.organization_id", "=", input.organizationId);
      if (input.action) query = query.where("a.action", "=", input.action);
      if (input.before) query = query.where("a.id", "<", input.before);
      const rows = await query.execute();
      return {
        entries: rows.slice(0, 50),
        nextCursor: rows.length > 50 ? (rows[49]?.id ?? null) : null,
      };
    }),
});
