/**
 * The customer's own Settings page: the knobs their profile lets them change, the account mode
 * where the profile lets them switch it, and what each sub-user may do. Every save carries the
 * `settingsVersion` the page was drawn from (shared with the operator's console), runs on the
 * locked organization row, and writes its before and after to the audit log.
 */
import type { Database, Kysely, OrganizationMode, Transaction } from "@hearth/db";
import {
  customerSettingWords,
  type Decision,
  getProfile,
  grantablePermissions,
  type KnobName,
  organizationModeLabels,
  type Policy,
  type PolicyProfile,
  parseCustomerChoices,
} from "@hearth/policies";
import { TRPCError } from "@trpc/server";
import { enforce, type PolicyScope } from "../policy/gateway";
import { type KnobField, knobFields } from "../policy/knob-fields";
import { resolvedPolicy } from "../policy/resolved-policy";
import { FieldProblems } from "../trpc";

interface SettingsContext {
  db: Kysely<Database>;
  clock: { now(): Date };
  organizationId: string;
  user: { id: string };
}

/** One setting as the customer's page shows it, in the profile's words. */
export interface CustomerSettingField extends KnobField {
  /** A sentence under the setting, or null. */
  readonly help: string | null;
  /** The operator set this knob for the organization: the page shows it, fixed. */
  readonly fixedByOperator: boolean;
}

/** A value in the page's words: the option's label, each item of a list, or on / off. */
function valueInWords(value: unknown, optionLabels: Readonly<Record<string, string>> | undefined) {
  const word = (item: unknown) => optionLabels?.[String(item)] ?? String(item);
  if (typeof value === "boolean") return value ? "On" : "Off";
  if (Array.isArray(value)) return value.length === 0 ? "Nobody" : value.map(word).join(", ");
  return word(value);
}

async function loadOrganization(db: Kysely<Database>, id: string, lock = false) {
  const query = db
    .selectFrom("organizations")
    .select([
      "id",
      "name",
      "mode",
      "policy_profile as profileId",
      "policy_overrides as overrides",
      "customer_settings as choices",
      "mode_fixed_by_operator as modeFixed",
      "settings_version as settingsVersion",
      "notification_reply_to as replyTo",
    ])
    .where("id", "=", id);
  const org = await (lock ? query.forUpdate() : query).executeTakeFirst();
  if (!org) throw new TRPCError({ code: "NOT_FOUND", message: "No such organization." });
  return org;
}

type OrganizationRow = Awaited<ReturnType<typeof loadOrganization>>;

export function policyOf(org: OrganizationRow): { profile: PolicyProfile; policy: Policy } {
  const profile = getProfile(org.profileId);
  const resolved = resolvedPolicy(org.profileId, org.overrides, org.choices);
  if (!profile || !resolved.ok)
    throw new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      message: "This organization's messaging settings are invalid.",
    });
  return { profile, policy: resolved.policy };
}

function staleSettings(): TRPCError {
  return new TRPCError({
    code: "CONFLICT",
    message:
      "These settings were changed since you opened them, by someone else or in another tab. Reload to see the current settings.",
  });
}

function refuseFields(fieldErrors: Record<string, string[]>): never {
  throw new TRPCError({
    code: "BAD_REQUEST",
    message: "Some settings can't be saved.",
    cause: new FieldProblems(fieldErrors),
  });
}

/** The fields of the customer's knobs, each showing the value in force and who fixed it. */
function customerFields(
  profile: PolicyProfile,
  policy: Policy,
  choices: Record<string, unknown>,
): CustomerSettingField[] {
  return knobFields(profile, profile.customerEditable, choices).map((field) => {
    const words = customerSettingWords(field.knob, profile.vocabulary);
    const optionLabels = words.optionLabels ?? field.optionLabels;
    const fixedByOperator = policy.overridden.includes(field.knob);
    const value = fixedByOperator ? policy.knobs[field.knob] : field.value;
    return {
      ...field,
      label: words.label,
      help: words.hint ?? null,
      ...(optionLabels ? { optionLabels } : {}),
      value,
      valueLabel: valueInWords(value, optionLabels),
      defaultLabel: valueInWords(field.defaultValue, optionLabels),
      overridden: fixedByOperator ? false : field.overridden,
      fixedByOperator,
    };
  });
}

/** Everything the Settings page shows, with what the signed-in manager may change. */
export async function settingsPage(ctx: SettingsContext, scope: PolicyScope) {
  const org = await loadOrganization(ctx.db, ctx.organizationId);
  const { profile, policy } = policyOf(org);
  const canChange: Decision = policy.changeSettings({ actor: scope.actor });
  const canManagePermissions: Decision = policy.manageTeamPermissions({ actor: scope.actor });
  const team = await ctx.db
    .selectFrom("users")
    .select(["id", "display_name as name", "email", "permissions"])
    .where("organization_id", "=", ctx.organizationId)
    .where("kind", "=", "manager")
    .where("manager_role", "=", "sub_user")
    .orderBy("display_name")
    .execute();
  const owner = await ctx.db
    .selectFrom("users")
    .select("email")
    .where("organization_id", "=", ctx.organizationId)
    .where("manager_role", "=", "account_owner")
    .orderBy("created_at")
    .executeTakeFirst();
  return {
    organizationName: org.name,
    profileName: profile.name,
    settingsVersion: org.settingsVersion,
    canChange,
    canManagePermissions,
    mode: {
      value: org.mode,
      editable: profile.customerChoosesMode,
      /** The operator set the mode: shown, not changeable here. */
      fixedByOperator: org.modeFixed,
      optionLabels: organizationModeLabels,
    },
    fields: customerFields(profile, policy, org.choices),
    grantable: grantablePermissions(policy.knobs),
    /** Seed 001 "Maintenance Settings": each manager's own switch, kept on the Maintenance page. */
    maintenanceOptOut: policy.configureMaintenanceThreads({ actor: scope.actor }),
    team,
    /** Where answers to the organization's emails go; null: the account owner's address. */
    replyTo: { value: org.replyTo, fallback: owner?.email ?? null },
  };
}

/** What a save asks for: every knob the form shows (fixed ones left out), and the mode. */
export interface SettingsInput {
  settingsVersion: number;
  choices: Record<string, unknown>;
  mode?: OrganizationMode | undefined;
}

export async function lockedOrganization(
  trx: Transaction<Database>,
  id: string,
  seenVersion: number,
) {
  const org = await loadOrganization(trx, id, true);
  if (org.settingsVersion !== seenVersion) throw staleSettings();
  return org;
}

/** Moves the version on; the condition makes a stale save change nothing even without the lock. */
export async function bumpVersion(
  trx: Transaction<Database>,
  id: string,
  seenVersion: number,
  set: {
    customer_settings?: string;
    mode?: OrganizationMode;
    notification_reply_to?: string | null;
  },
  now: Date,
): Promise<number> {
  const saved = await trx
    .updateTable("organizations")
    .set((eb) => ({ ...set, settings_version: eb("settings_version", "+", 1), updated_at: now }))
    .where("id", "=", id)
    .where("settings_version", "=", seenVersion)
    .returning("settings_version as settingsVersion")
    .executeTakeFirst();
  if (!saved) throw staleSettings();
  return saved.settingsVersion;
}

/**
 * Saves the customer's choices. A choice equal to the profile's default is not stored, and a
 * stored choice for a knob the operator fixed is kept (it applies again if the operator lets go).
 */
export async function saveSettings(ctx: SettingsContext, scope: PolicyScope, input: SettingsInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await lockedOrganization(trx, ctx.organizationId, input.settingsVersion);
    const { profile, policy } = policyOf(org);
    enforce(policy.changeSettings({ actor: scope.actor }));
    const problems: Record<string, string[]> = {};
    const mode = input.mode ?? org.mode;
    if (mode !== org.mode && !profile.customerChoosesMode)
      problems.mode = ["The account mode is not yours to change in this plan."];
    else if (mode !== org.mode && org.modeFixed)
      problems.mode = ["The account mode was fixed by the platform operator."];
    const parsed = parseCustomerChoices(profile, input.choices, policy.overridden);
    if (!parsed.ok)
      for (const error of parsed.errors)
        problems[error.path] = [...(problems[error.path] ?? []), error.message];
    if (Object.keys(problems).length > 0 || !parsed.ok) refuseFields(problems);
    const next: Record<string, unknown> = {};
    for (const knob of policy.overridden)
      if (Object.hasOwn(org.choices, knob)) next[knob] = org.choices[knob];
    for (const [knob, value] of Object.entries(parsed.choices)) {
      const name = knob as KnobName;
      if (JSON.stringify(value) !== JSON.stringify(profile.defaults[name])) next[knob] = value;
    }
    const version = await bumpVersion(
      trx,
      ctx.organizationId,
      input.settingsVersion,
      {
        customer_settings: JSON.stringify(next),
        mode,
      },
      ctx.clock.now(),
    );
    await trx
      .insertInto("audit_log")
      .values({
        organization_id: ctx.organizationId,
        actor_id: ctx.user.id,
        action: "settings.changed",
        target_type: "organization",
        target_id: ctx.organizationId,
        before: JSON.stringify({ mode: org.mode, choices: org.choices }),
        after: JSON.stringify({ mode, choices: next }),
      })
      .execute();
    return { settingsVersion: version, choices: next, mode };
  });
}

/**
 * Replaces what one sub-user may do among the permissions that matter in this profile; others
 * they hold are kept. Only the account owner grants (the policy's `manageTeamPermissions`).
 */
export async function setTeamPermissions(
  ctx: SettingsContext,
  scope: PolicyScope,
  input: { settingsVersion: number; userId: string; permissions: readonly string[] },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await lockedOrganization(trx, ctx.organizationId, input.settingsVersion);
    const { policy } = policyOf(org);
    enforce(policy.manageTeamPermissions({ actor: scope.actor }));
    const member = await trx
      .selectFrom("users")
      .select(["id", "permissions"])
      .where("id", "=", input.userId)
      .where("organization_id", "=", ctx.organizationId)
      .where("kind", "=", "manager")
      .where("manager_role", "=", "sub_user")
      .forUpdate()
      .executeTakeFirst();
    if (!member) refuseFields({ userId: ["Choose a team member of your organization."] });
    const grantable = grantablePermissions(policy.knobs).map((grant) => grant.permission);
    const unknown = input.permissions.filter((permission) => !grantable.includes(permission));
    if (unknown.length > 0)
      refuseFields({
        permissions: unknown.map((permission) => `"${permission}" can't be given in this plan.`),
      });
    const kept = member.permissions.filter((permission) => !grantable.includes(permission));
    const permissions = [...kept, ...grantable.filter((p) => input.permissions.includes(p))];
    await trx.updateTable("users").set({ permissions }).where("id", "=", member.id).execute();
    const version = await bumpVersion(
      trx,
      ctx.organizationId,
      input.settingsVersion,
      {},
      ctx.clock.now(),
    );
    await trx
      .insertInto("audit_log")
      .values({
        organization_id: ctx.organizationId,
        actor_id: ctx.user.id,
        action: "settings.permissions_changed",
        target_type: "user",
        target_id: member.id,
        before: JSON.stringify({ permissions: member.permissions }),
        after: JSON.stringify({ permissions }),
      })
      .execute();
    return { settingsVersion: version, permissions };
  });
}
