/** A person's notification preferences, read with the defaults filled in, and saved. */
import type { Database, Kysely, NotificationKindSwitches, Transaction } from "@hearth/db";
import { sql } from "@hearth/db";
import type { NotificationKind, PreferenceChannel } from "./kinds";
import type { QuietHours } from "./quiet-hours";

export const DEFAULT_EMAIL_DELAY_MINUTES = 5;

export interface NotificationPreferences {
  /** The person's overall switches for the channels a policy lets them choose. */
  desktop: boolean;
  email: boolean;
  push: boolean;
  /** Texts; off until the person turns them on (consent and a number are asked for apart). */
  sms: boolean;
  /** Per kind, the channels switched off. */
  kinds: NotificationKindSwitches;
  quietHours: QuietHours | null;
  /** The person's own zone if set, else their organization's. */
  timeZone: string;
  emailDelayMinutes: number;
  sound: boolean;
  seenAt: Date | null;
}

/** Whether the person left `channel` on for `kind` (the overall switch aside). */
export function kindAllows(
  preferences: Pick<NotificationPreferences, "kinds">,
  kind: NotificationKind,
  channel: PreferenceChannel,
): boolean {
  return preferences.kinds[kind]?.[channel] !== false;
}

/** The columns every reader of preferences needs, from users, organizations and user_settings. */
export function preferencesQuery(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom("users as u")
    .innerJoin("organizations as o", "o.id", "u.organization_id")
    .leftJoin("user_settings as s", "s.user_id", "u.id")
    .select([
      "u.id as userId",
      "u.email",
      "u.display_name as displayName",
      "o.id as organizationId",
      "o.name as organizationName",
      "o.policy_profile as profile",
      "o.policy_overrides as overrides",
      "o.mode",
      sql<string>`coalesce(u.timezone, o.timezone)`.as("timeZone"),
      sql<boolean>`coalesce(s.notify_desktop, true)`.as("desktop"),
      sql<boolean>`coalesce(s.notify_email, true)`.as("emailOn"),
      sql<boolean>`coalesce(s.notify_push, true)`.as("pushOn"),
      sql<boolean>`coalesce(s.notify_sms, false)`.as("smsOn"),
      sql<NotificationKindSwitches>`coalesce(s.notification_kinds, '{}'::jsonb)`.as("kinds"),
      "s.quiet_hours_start as quietStart",
      "s.quiet_hours_end as quietEnd",
      sql<number>`coalesce(s.email_delay_minutes, ${DEFAULT_EMAIL_DELAY_MINUTES})`.as(
        "emailDelayMinutes",
      ),
      sql<boolean>`coalesce(s.notification_sound, false)`.as("sound"),
      "s.notifications_seen_at as seenAt",
    ]);
}

export type PreferencesRow = Awaited<
  ReturnType<ReturnType<typeof preferencesQuery>["executeTakeFirstOrThrow"]>
>;

export function preferencesFromRow(row: PreferencesRow): NotificationPreferences {
  return {
    desktop: row.desktop,
    email: row.emailOn,
    push: row.pushOn,
    sms: row.smsOn,
    kinds: row.kinds,
    quietHours:
      row.quietStart && row.quietEnd ? { start: row.quietStart, end: row.quietEnd } : null,
    timeZone: row.timeZone,
    emailDelayMinutes: row.emailDelayMinutes,
    sound: row.sound,
    seenAt: row.seenAt,
  };
}

export interface PreferencesChange {
  desktop?: boolean | undefined;
  email?: boolean | undefined;
  push?: boolean | undefined;
  sms?: boolean | undefined;
  kinds?: NotificationKindSwitches | undefined;
  quietHours?: QuietHours | null | undefined;
  emailDelayMinutes?: number | undefined;
  sound?: boolean | undefined;
  seenAt?: Date | undefined;
}

/** Saves what changed, creating the person's settings row on their first change. */
export async function savePreferences(
  db: Kysely<Database> | Transaction<Database>,
  person: { userId: string; organizationId: string },
  change: PreferencesChange,
): Promise<void> {
  const values = {
    ...(change.desktop === undefined ? {} : { notify_desktop: change.desktop }),
    ...(change.email === undefined ? {} : { notify_email: change.email }),
    ...(change.push === undefined ? {} : { notify_push: change.push }),
    ...(change.sms === undefined ? {} : { notify_sms: change.sms }),
    ...(change.kinds === undefined ? {} : { notification_kinds: JSON.stringify(change.kinds) }),
    ...(change.quietHours === undefined
      ? {}
      : {
          quiet_hours_start: change.quietHours?.start ?? null,
          quiet_hours_end: change.quietHours?.end ?? null,
        }),
    ...(change.emailDelayMinutes === undefined
      ? {}
      : { email_delay_minutes: change.emailDelayMinutes }),
    ...(change.sound === undefined ? {} : { notification_sound: change.sound }),
    ...(change.seenAt === undefined ? {} : { notifications_seen_at: change.seenAt }),
  };
  await db
    .insertInto("user_settings")
    .values({ user_id: person.userId, organization_id: person.organizationId, ...values })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ ...values, updated_at: sql`now()` }))
    .execute();
}
