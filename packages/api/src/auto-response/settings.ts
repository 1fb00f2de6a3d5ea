import type { BusinessHours } from "@hearth/db";
import type { Context } from "../context";
import { enforce, policyScope } from "../policy/gateway";

type MemberContext = Context & { organizationId: string; user: { id: string } };

export interface OwnAutoResponses {
  afterHours: { enabled: boolean; body: string };
  vacation: { startsAt: Date | null; endsAt: Date | null; body: string };
}

export interface OrganizationHours {
  timeZone: string;
  hours: BusinessHours | null;
  holidays: string[];
}

/** The caller's auto-responses, the organization's hours, and what the caller may change. */
export async function autoResponseSettings(ctx: MemberContext) {
  const scope = await policyScope(ctx);
  const [own, org] = await Promise.all([
    ctx.db
      .selectFrom("user_settings")
      .select([
        "auto_response_enabled",
        "auto_response_body",
        "vacation_starts_at",
        "vacation_ends_at",
        "vacation_body",
      ])
      .where("user_id", "=", ctx.user.id)
      .executeTakeFirst(),
    ctx.db
      .selectFrom("organizations")
      .select(["timezone", "business_hours", "holidays"])
      .where("id", "=", ctx.organizationId)
      .executeTakeFirstOrThrow(),
  ]);
  const settings: OwnAutoResponses = {
    afterHours: {
      enabled: own?.auto_response_enabled ?? false,
      body: own?.auto_response_body ?? "",
    },
    vacation: {
      startsAt: own?.vacation_starts_at ?? null,
      endsAt: own?.vacation_ends_at ?? null,
      body: own?.vacation_body ?? "",
    },
  };
  const hours: OrganizationHours = {
    timeZone: org.timezone,
    hours: org.business_hours,
    holidays: org.holidays,
  };
  return {
    settings,
    organization: hours,
    configure: scope.policy.configureAutoResponse({ actor: scope.actor }),
    configureBusinessHours: scope.policy.configureBusinessHours({ actor: scope.actor }),
  };
}

/** Saves the caller's after-hours and vacation replies. */
export async function saveAutoResponses(ctx: MemberContext, settings: OwnAutoResponses) {
  const scope = await policyScope(ctx);
  enforce(scope.policy.configureAutoResponse({ actor: scope.actor }));
  const values = {
    auto_response_enabled: settings.afterHours.enabled,
    auto_response_body: settings.afterHours.body || null,
    vacation_starts_at: settings.vacation.startsAt,
    vacation_ends_at: settings.vacation.endsAt,
    vacation_body: settings.vacation.body || null,
    updated_at: scope.now,
  };
  await ctx.db
    .insertInto("user_settings")
    .values({ user_id: ctx.user.id, organization_id: ctx.organizationId, ...values })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
    .execute();
  return { saved: true };
}

/** Sets the organization's hours and holidays, audited with what they were. */
export async function saveBusinessHours(ctx: MemberContext, next: OrganizationHours) {
  const scope = await policyScope(ctx);
  enforce(scope.policy.configureBusinessHours({ actor: scope.actor }));
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("organizations")
      .select(["timezone", "business_hours", "holidays"])
      .where("id", "=", ctx.organizationId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("organizations")
      .set({
        timezone: next.timeZone,
        business_hours: next.hours ? JSON.stringify(next.hours) : null,
        holidays: JSON.stringify(next.holidays),
        updated_at: scope.now,
      })
      .where("id", "=", ctx.organizationId)
      .execute();
    await trx
      .insertInto("audit_log")
      .values({
        organization_id: ctx.organizationId,
        actor_id: ctx.user.id,
        action: "organization.business_hours_changed",
        target_type: "organization",
        target_id: ctx.organizationId,
        before: JSON.stringify(before),
        after: JSON.stringify(next),
      })
      .execute();
  });
  return { saved: true };
}
