import { type Database, type Kysely, sql, type Transaction } from "@hearth/db";
import {
  applicableCustomerChoices,
  describeRules,
  getProfile,
  listProfiles,
  resolvePolicy,
} from "@hearth/policies";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { knobFields, knobInWords } from "../policy/knob-fields";
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
      "customer_settings as customerSettings",
      "mode_fixed_by_operator as modeFixedByOperator",
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
   * per knob its profile lets it override, each with the customer's own choice where they made
   * one (the operator's override replaces it).
   */
  organization: operatorProcedure
    .input(z.strictObject({ id: organizationId }))
    .query(async ({ ctx, input }) => {
      const org = await loadOrganization(ctx.db, input.id);
      const resolved = resolvePolicy(org.policyProfile, org.policyOverrides, org.customerSettings);
      const profile = getProfile(org.policyProfile);
      const customerChoices = profile
        ? applicableCustomerChoices(profile, org.customerSettings)
        : {};
      return {
        ...org,
        rules: resolved.ok ? describeRules(resolved.policy) : [],
        problems: resolved.ok ? [] : resolved.errors,
        overridable: profile?.overridable ?? [],
        customerEditable: profile?.customerEditable ?? [],
        knobs: profile
          ? knobFields(profile, profile.overridable, org.policyOverrides).map((field) => ({
              ...field,
              customerChoice: Object.hasOwn(customerChoices, field.knob)
                ? knobInWords(profile, field.knob, customerChoices[field.knob])
                : null,
            }))
          : [],
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

  /**
   * Sets the organization's landlord / property-manager mode (seed 001: the Owners channel only
   * in property-manager mode). `fixed` keeps the customer from changing it on their Settings
   * page; without it the customer may change it again where their profile lets them. Versioned
   * and audited like the other settings.
   */
  setMode: operatorProcedure
    .input(
      z.strictObject({
        organizationId,
        settingsVersion,
        mode: z.enum(["landlord", "property_manager"]),
        fixed: z.boolean(),
      }),
    )
    .mutation(async ({ ctx, input }) =>
      ctx.db.transaction().execute(async (trx) => {
        const before = await loadOrganization(trx, input.organizationId, { lock: true });
        if (before.settingsVersion !== input.settingsVersion) throw staleSettings();
        const saved = await trx
          .updateTable("organizations")
          .set((eb) => ({
            mode: input.mode,
            mode_fixed_by_operator: input.fixed,
            settings_version: eb("settings_version", "+", 1),
            updated_at: ctx.clock.now(),
          }))
          .where("id", "=", input.organizationId)
          .where("settings_version", "=", input.settingsVersion)
          .returning("settings_version as settingsVersion")
          .executeTakeFirst();
        if (!saved) throw staleSettings();
        await trx
          .insertInto("audit_log")
          .values({
            organization_id: input.organizationId,
            actor_id: ctx.user.id,
            action: "organization.mode_changed",
            target_type: "organization",
            target_id: input.organizationId,
            before: JSON.stringify({ mode: before.mode, fixed: before.modeFixedByOperator }),
            after: JSON.stringify({ mode: input.mode, fixed: input.fixed }),
          })
          .execute();
        return { mode: input.mode, fixed: input.fixed, settingsVersion: saved.settingsVersion };
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
